package dev.socialbridge.descriptor;

/**
 * A name for a range of ticket priorities in the social queues (RT: {@code PriorityAsString}): a priority shows as the
 * label of the highest {@code value} at or below it, so that 80 reads "Hot" rather than a number.
 *
 * @param label name shown in the host
 * @param value lowest priority (0-100) shown with this name
 */
public record PriorityDef(String label, int value) {
}

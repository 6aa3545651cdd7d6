package dev.socialbridge.outbox;

/**
 * A command to put in the outbox.
 *
 * @param dedupeKey unique key: enqueueing the same command twice stores it once
 * @param lane      ordering lane (commands of a lane are delivered one at a time, in order)
 * @param target    {@link #HOST} or {@link #PLATFORM}
 * @param type      payload type name
 * @param payload   the payload object, serialised as JSON
 */
public record OutboxCommand(String dedupeKey, String lane, String target, String type, Object payload) {
    public static final String HOST = "host";
    public static final String PLATFORM = "platform";
}

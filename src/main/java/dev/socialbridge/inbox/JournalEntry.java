package dev.socialbridge.inbox;

/**
 * One accepted webhook body as read back from the journal.
 *
 * @param source     connector id that accepted it (e.g. meta)
 * @param receivedAt epoch millis of acceptance
 * @param body       the raw body bytes, exactly as signed
 * @param end        journal position just after this entry (the checkpoint once it is processed)
 */
public record JournalEntry(String source, long receivedAt, byte[] body, JournalPosition end) {
}

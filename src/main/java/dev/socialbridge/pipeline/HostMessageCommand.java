package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.host.spi.ContactUpsert;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Outbox payload: put one customer message into the thread's host ticket, creating the ticket (in
 * {@code queueKey}, with priority, due time and attribution fields) when the thread has none yet. The customer's
 * attachments are downloaded from the platform (with {@code accountId}'s credentials) when the message is
 * delivered, and attached to it.
 *
 * @param fields      the fields of a ticket created by this message (an existing ticket takes only those that follow
 *                    the latest message)
 * @param touchFields the last touch and campaign fields of the campaign signal this message carries, set on an
 *                    existing ticket too (an empty value clears a field); empty when it carries none
 */
public record HostMessageCommand(String threadKey, String queueKey, Integer priority, Instant due, String subject,
                                 ContactUpsert contact, String messageId, String text, Map<String, String> fields,
                                 String note, Platform platform, String accountId, List<Attachment> attachments,
                                 Map<String, String> touchFields) {
    public static final String TYPE = "host.message";

    public HostMessageCommand {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        touchFields = touchFields == null ? Map.of() : Map.copyOf(touchFields);
    }
}

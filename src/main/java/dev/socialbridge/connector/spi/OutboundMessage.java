package dev.socialbridge.connector.spi;

import java.util.List;
import java.util.Objects;

/**
 * The content of a reply.
 *
 * @param text         the final text (tokens resolved, disclosure added, within the channel's limit)
 * @param quickReplies short answers offered as buttons where the platform has them (Telegram inline keyboard,
 *                     WhatsApp reply buttons); empty for none
 * @param template     the approved platform template to send instead when free text is not allowed (outside
 *                     WhatsApp's 24 h customer-service window), or null
 * @param agent        the host login of the person who wrote it, or null for an automated message: platforms let a
 *                     person answer later than automation (Messenger/Instagram {@code HUMAN_AGENT}, up to 7 days)
 * @param media        a file to send instead of text (an agent's attachment), or null; a message carries either text
 *                     or one file, so that each file has its own delivery, retries and outcome
 */
public record OutboundMessage(String text, List<String> quickReplies, PlatformTemplate template, String agent,
                              MediaLink media) {
    public OutboundMessage {
        Objects.requireNonNull(text, "text");
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }

    /** A text message. */
    public OutboundMessage(String text, List<String> quickReplies, PlatformTemplate template, String agent) {
        this(text, quickReplies, template, agent, null);
    }

    /** An automated message. */
    public OutboundMessage(String text, List<String> quickReplies, PlatformTemplate template) {
        this(text, quickReplies, template, null, null);
    }

    public static OutboundMessage text(String text) {
        return new OutboundMessage(text, List.of(), null, null, null);
    }

    /** A person's reply. */
    public static OutboundMessage byAgent(String text, String agent) {
        return new OutboundMessage(text, List.of(), null, agent, null);
    }

    /** A file a person sends. */
    public static OutboundMessage fileByAgent(MediaLink media, String agent) {
        return new OutboundMessage("", List.of(), null, agent, Objects.requireNonNull(media, "media"));
    }

    /**
     * Whether this message is a file rather than text. (Not named {@code isMedia}: serialisers would read that as a
     * second {@code media} property and overwrite the file with a boolean.)
     */
    public boolean carriesFile() {
        return media != null;
    }

    /**
     * A file the platform fetches from a URL: a short-lived signed link to the plugin, which streams it from the host.
     *
     * @param url      absolute https (or http in tests) URL the platform downloads from
     * @param mimeType the file's MIME type (image/jpeg, application/pdf...): the connector picks the message type
     * @param fileName the file's name, shown where the platform shows one (documents)
     */
    public record MediaLink(String url, String mimeType, String fileName) {
        public MediaLink {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }

    /** Whether a person wrote it. */
    public boolean fromAgent() {
        return agent != null;
    }

    /**
     * An approved message template of the platform (WhatsApp message templates).
     *
     * @param name     template name as approved
     * @param language its language code, e.g. {@code fr} or {@code en_US}
     */
    public record PlatformTemplate(String name, String language) {
        public PlatformTemplate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(language, "language");
        }
    }
}

package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.interaction.InteractionKind;
import java.util.List;
import java.util.Set;

/**
 * What one WhatsApp message (customer's or echoed) says, by its {@code type}: the ticket text, the media to download,
 * the interaction kind (a tapped button is a {@link InteractionKind#POSTBACK}), and why automation must leave it
 * alone (a message the Cloud API cannot show, a system notice).
 *
 * @param automationBlockedBy null when automation may answer
 */
record WhatsAppContent(InteractionKind kind, String text, List<Attachment> attachments, String automationBlockedBy) {

    /** Media types: the object of the same name carries {@code id}, {@code mime_type} and sometimes a caption. */
    static final Set<String> MEDIA = Set.of("image", "audio", "video", "document", "sticker");

    static WhatsAppContent of(String type, JsonNode message) {
        if (MEDIA.contains(type)) {
            return media(type, required(message, type));
        }
        return switch (type) {
            case "text" -> dm(WhatsAppJson.requireText(required(message, "text"), "body", "text"));
            case "location" -> dm(WhatsAppMessageText.location(required(message, "location")));
            case "contacts" -> dm(WhatsAppMessageText.contacts(requiredArray(message, "contacts")));
            case "order" -> dm(WhatsAppMessageText.order(required(message, "order")));
            case "interactive" -> interactive(required(message, "interactive"));
            case "button" -> postback(WhatsAppJson.requireText(required(message, "button"), "text", "button"));
            case "system" -> blocked(WhatsAppJson.requireText(required(message, "system"), "body", "system"),
                    "system notice from WhatsApp: nothing to answer");
            case "unsupported" -> blocked(WhatsAppMessageText.unsupported(message),
                    "the WhatsApp Cloud API cannot show this message: an agent must read it in WhatsApp");
            default -> blocked("[" + type + " message: not shown by the WhatsApp Cloud API, open WhatsApp to read it]",
                    "unknown WhatsApp message type " + type + ": an agent must read it in WhatsApp");
        };
    }

    private static WhatsAppContent media(String type, JsonNode media) {
        String id = WhatsAppJson.requireText(media, "id", type);
        Attachment a = new Attachment(type, null, id, WhatsAppJson.text(media, "mime_type"),
                WhatsAppJson.text(media, "filename"));
        String caption = WhatsAppJson.text(media, "caption");
        return new WhatsAppContent(InteractionKind.DM, caption == null ? "" : caption, List.of(a), null);
    }

    /** A reply button ({@code button_reply}), a list row ({@code list_reply}) or a Flow form ({@code nfm_reply}). */
    private static WhatsAppContent interactive(JsonNode interactive) {
        String type = WhatsAppJson.requireText(interactive, "type", "interactive");
        return switch (type) {
            case "button_reply" -> postback(WhatsAppJson.requireText(required(interactive, type), "title", type));
            case "list_reply" -> {
                JsonNode row = required(interactive, type);
                String description = WhatsAppJson.text(row, "description");
                String title = WhatsAppJson.requireText(row, "title", type);
                yield postback(description != null ? title + " — " + description : title);
            }
            case "nfm_reply" -> postback(WhatsAppMessageText.form(required(interactive, type)));
            default -> blocked("[interactive " + type + ": not shown by the WhatsApp Cloud API, open WhatsApp to read"
                    + " it]",
                    "unknown WhatsApp interactive type " + type + ": an agent must read it in WhatsApp");
        };
    }

    private static WhatsAppContent dm(String text) {
        return new WhatsAppContent(InteractionKind.DM, text, List.of(), null);
    }

    private static WhatsAppContent postback(String text) {
        return new WhatsAppContent(InteractionKind.POSTBACK, text, List.of(), null);
    }

    private static WhatsAppContent blocked(String text, String reason) {
        return new WhatsAppContent(InteractionKind.DM, text, List.of(), reason);
    }

    private static JsonNode required(JsonNode parent, String field) {
        JsonNode n = WhatsAppJson.object(parent, field);
        if (n == null) {
            throw new WhatsAppJson.Malformed(field + " object missing");
        }
        return n;
    }

    private static JsonNode requiredArray(JsonNode parent, String field) {
        JsonNode n = WhatsAppJson.array(parent, field);
        if (n == null) {
            throw new WhatsAppJson.Malformed(field + " array missing");
        }
        return n;
    }
}

package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.connector.spi.ReplyTo;
import dev.socialbridge.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code POST /{phone-number-id}/messages} body of a reply, following WhatsApp's 24 h customer-service window:
 * inside it a text (quoting the customer's message), or reply buttons when the message offers quick replies; outside
 * it only the approved template the rule names, else the reply is refused. A phone number goes in {@code to}, a
 * business-scoped user id (username customers without a phone) in {@code recipient}.
 *
 * @param json    the body, or null when {@code refusal} says why there is none
 * @param refusal why the reply cannot be sent, or null
 */
record WhatsAppReplyBody(String json, DeliveryResult refusal) {
    static final Duration WINDOW = Duration.ofHours(24);
    static final String OUTSIDE_WINDOW = "outside WhatsApp's 24 h customer-service window: only an approved template"
            + " can be sent (set outsideWindow on the rule) — or wait for the customer to write";
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_BUTTON_BODY = 1024;

    /** A customer's phone number (wa_id), as WhatsApp gives it and takes it. */
    static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,20}");
    /** Business-scoped user id: country code, optional {@code ENT} (parent id), alphanumeric id. */
    static final Pattern BSUID = Pattern.compile("[A-Z]{2}(\\.ENT)?\\.[A-Za-z0-9]{1,128}");

    static WhatsAppReplyBody of(OutboundAction.Reply reply, Instant now) {
        ReplyTo to = reply.to();
        String recipient = to.conversationId() != null ? to.conversationId() : to.authorId();
        boolean phone = recipient != null && PHONE.matcher(recipient).matches();
        if (!phone && (recipient == null || !BSUID.matcher(recipient).matches())) {
            return refused(new DeliveryResult.Failed("invalid WhatsApp recipient " + abbreviate(recipient)
                    + ": neither a phone number nor a business-scoped user id"));
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("messaging_product", "whatsapp")
                .put("recipient_type", "individual").put(phone ? "to" : "recipient", recipient);
        OutboundMessage message = reply.message();
        if (!insideWindow(to.customerMessageAt(), now)) {
            return message.template() != null ? built(template(body, message.template()))
                    : refused(new DeliveryResult.NotSendable(OUTSIDE_WINDOW));
        }
        if (message.text().isBlank()) {
            return refused(new DeliveryResult.Failed("empty reply text"));
        }
        List<String> titles = buttonTitles(message.quickReplies());
        if (!titles.isEmpty() && message.text().length() <= MAX_BUTTON_BODY) {
            buttons(body, message.text(), titles);
        } else {
            body.put("type", "text").putObject("text").put("preview_url", false).put("body", message.text());
        }
        if (to.itemId() != null && !to.itemId().isBlank()) {
            body.putObject("context").put("message_id", to.itemId());
        }
        return built(body);
    }

    static boolean insideWindow(Instant customerMessageAt, Instant now) {
        return customerMessageAt != null && now.isBefore(customerMessageAt.plus(WINDOW));
    }

    private static ObjectNode template(ObjectNode body, OutboundMessage.PlatformTemplate template) {
        ObjectNode t = body.put("type", "template").putObject("template").put("name", template.name());
        t.putObject("language").put("code", template.language());
        return body;
    }

    /** At most three button titles, cut to 20 characters, unique, none empty. */
    static List<String> buttonTitles(List<String> quickReplies) {
        Set<String> titles = new LinkedHashSet<>();
        for (String q : quickReplies) {
            String title = q.strip();
            title = title.length() <= MAX_BUTTON_TITLE ? title : title.substring(0, MAX_BUTTON_TITLE - 1) + "…";
            if (!title.isEmpty() && titles.size() < WhatsAppActionPolicy.MAX_BUTTONS) {
                titles.add(title);
            }
        }
        return List.copyOf(titles);
    }

    private static void buttons(ObjectNode body, String text, List<String> titles) {
        ObjectNode interactive = body.put("type", "interactive").putObject("interactive").put("type", "button");
        interactive.putObject("body").put("text", text);
        ArrayNode buttons = interactive.putObject("action").putArray("buttons");
        for (int i = 0; i < titles.size(); i++) {
            buttons.addObject().put("type", "reply").putObject("reply").put("id", "qr-" + (i + 1))
                    .put("title", titles.get(i));
        }
    }

    private static WhatsAppReplyBody built(ObjectNode body) {
        return new WhatsAppReplyBody(Json.write(body), null);
    }

    private static WhatsAppReplyBody refused(DeliveryResult why) {
        return new WhatsAppReplyBody(null, why);
    }

    static String abbreviate(String s) {
        return s == null ? "(none)" : "'" + (s.length() <= 40 ? s : s.substring(0, 40) + "…") + "'";
    }
}

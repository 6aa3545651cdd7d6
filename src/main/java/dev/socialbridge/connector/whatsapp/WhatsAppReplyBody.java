package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.connector.spi.ReplyTo;
import dev.socialbridge.support.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code POST /{phone-number-id}/messages} body of a reply, following WhatsApp's 24 h customer-service window:
 * inside it a text (quoting the customer's message), or reply buttons when the message offers quick replies; outside
 * it only the approved template the rule names, else the reply is refused. A file ({@link OutboundMessage#media()})
 * is an {@code image}, {@code video}, {@code audio} or {@code document} message whose {@code link} WhatsApp downloads,
 * quoting the customer's message like a text, and only inside the window (a template cannot carry it). A phone
 * number goes in {@code to}, a business-scoped user id (username customers without a phone) in {@code recipient}.
 *
 * @param json    the body, or null when {@code refusal} says why there is none
 * @param refusal why the reply cannot be sent, or null
 */
record WhatsAppReplyBody(String json, DeliveryResult refusal) {
    static final Duration WINDOW = Duration.ofHours(24);
    static final String OUTSIDE_WINDOW = "outside WhatsApp's 24 h customer-service window: only an approved template"
            + " can be sent (set outsideWindow on the rule) — or wait for the customer to write";
    static final String OUTSIDE_WINDOW_FILE = "outside WhatsApp's 24 h customer-service window: a file cannot be"
            + " sent, only an approved template (set outsideWindow on a rule) — wait for the customer to write, then"
            + " send the file again";
    static final String BAD_FILE_LINK = "the file's link is not an absolute http(s) URL WhatsApp could download";
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
        if (message.carriesFile()) {
            return media(body, message.media(), to, now);
        }
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
        quote(body, to);
        return built(body);
    }

    /**
     * A file WhatsApp downloads from its link: checked first (a bad link is a bug no waiting fixes), then the window
     * (outside it nothing but a template can go, and a template would not carry the file).
     */
    private static WhatsAppReplyBody media(ObjectNode body, OutboundMessage.MediaLink media, ReplyTo to, Instant now) {
        if (!isDownloadLink(media.url())) {
            return refused(new DeliveryResult.Failed(BAD_FILE_LINK));
        }
        if (!insideWindow(to.customerMessageAt(), now)) {
            return refused(new DeliveryResult.NotSendable(OUTSIDE_WINDOW_FILE));
        }
        String type = mediaType(media.mimeType());
        ObjectNode file = body.put("type", type).putObject(type).put("link", media.url());
        if ("document".equals(type) && media.fileName() != null && !media.fileName().isBlank()) {
            file.put("filename", media.fileName().strip());
        }
        quote(body, to);
        return built(body);
    }

    /**
     * The WhatsApp message type of a file: {@code image} (JPEG, PNG), {@code video} (MP4, 3GPP), {@code audio} (AAC,
     * MP4, MPEG, AMR, OGG), else {@code document}, which takes any type. Parameters ({@code ; codecs=opus}) and case
     * do not matter.
     */
    static String mediaType(String mimeType) {
        String mime = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        int semicolon = mime.indexOf(';');
        mime = (semicolon < 0 ? mime : mime.substring(0, semicolon)).strip();
        return switch (mime) {
            case "image/jpeg", "image/png" -> "image";
            case "video/mp4", "video/3gpp" -> "video";
            case "audio/aac", "audio/mp4", "audio/mpeg", "audio/amr", "audio/ogg" -> "audio";
            default -> "document";
        };
    }

    /** Whether {@code url} is an absolute http or https URL with a host. */
    static boolean isDownloadLink(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && !uri.isOpaque() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Answers the customer's message, as WhatsApp shows a reply. */
    private static void quote(ObjectNode body, ReplyTo to) {
        if (to.itemId() != null && !to.itemId().isBlank()) {
            body.putObject("context").put("message_id", to.itemId());
        }
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

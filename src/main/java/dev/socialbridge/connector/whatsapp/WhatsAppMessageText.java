package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readable ticket text for the WhatsApp message types that carry no plain text: a shared location, shared contacts,
 * a catalog order, a submitted form (Flow) and a message the Cloud API cannot show.
 */
final class WhatsAppMessageText {

    private WhatsAppMessageText() {
    }

    /** "📍 name, address (lat, long) https://maps.google.com/?q=lat,long". */
    static String location(JsonNode location) {
        String lat = WhatsAppJson.requireText(location, "latitude", "location");
        String lon = WhatsAppJson.requireText(location, "longitude", "location");
        String place = join(", ", WhatsAppJson.text(location, "name"), WhatsAppJson.text(location, "address"));
        String url = WhatsAppJson.text(location, "url");
        return "📍 " + (place.isEmpty() ? "" : place + " ") + "(" + lat + ", " + lon + ") https://maps.google.com/?q="
                + lat + "," + lon + (url != null ? "\n" + url : "");
    }

    /** One line per shared contact: "👤 name: phones, e-mails". */
    static String contacts(JsonNode contacts) {
        List<String> lines = new ArrayList<>();
        for (JsonNode c : contacts) {
            JsonNode name = WhatsAppJson.object(c, "name");
            String who = WhatsAppJson.text(name, "formatted_name");
            if (who == null) {
                who = join(" ", WhatsAppJson.text(name, "first_name"), WhatsAppJson.text(name, "last_name"));
            }
            List<String> reach = new ArrayList<>();
            values(c, "phones", "phone", reach);
            values(c, "emails", "email", reach);
            String ways = reach.isEmpty() ? "" : ": " + String.join(", ", reach);
            lines.add("👤 " + (who.isEmpty() ? "(no name)" : who) + ways);
        }
        return lines.isEmpty() ? "👤 (empty contact card)" : String.join("\n", lines);
    }

    /** "🛒 Order (catalog C):", a line per item with its subtotal, the total per currency, then the customer's note. */
    static String order(JsonNode order) {
        StringBuilder b = new StringBuilder("🛒 Order");
        String catalog = WhatsAppJson.text(order, "catalog_id");
        b.append(catalog != null ? " (catalog " + catalog + "):" : ":");
        Map<String, BigDecimal> totals = new TreeMap<>();
        JsonNode items = WhatsAppJson.array(order, "product_items");
        for (JsonNode item : items == null ? List.<JsonNode>of() : items) {
            BigDecimal quantity = decimal(item, "quantity");
            BigDecimal price = decimal(item, "item_price");
            String currency = WhatsAppJson.text(item, "currency");
            String unit = currency == null ? "" : " " + currency;
            BigDecimal subtotal = price.multiply(quantity);
            totals.merge(currency == null ? "" : currency, subtotal, BigDecimal::add);
            b.append("\n- ").append(quantity.toPlainString()).append(" × ")
                    .append(WhatsAppJson.requireText(item, "product_retailer_id", "order.product_items[]"))
                    .append(" at ").append(price.toPlainString()).append(unit)
                    .append(" = ").append(subtotal.toPlainString()).append(unit);
        }
        totals.forEach((currency, total) -> b.append("\nTotal: ").append(total.toPlainString())
                .append(currency.isEmpty() ? "" : " " + currency));
        String text = WhatsAppJson.text(order, "text");
        return text != null ? b.append("\n").append(text).toString() : b.toString();
    }

    /** A Flow response ({@code nfm_reply}): its body, then each answered field but the flow token. */
    static String form(JsonNode nfm) {
        StringBuilder b = new StringBuilder("📝 ");
        String body = WhatsAppJson.text(nfm, "body");
        b.append(body != null ? body : "Form submitted");
        String json = WhatsAppJson.text(nfm, "response_json");
        JsonNode answers = parse(json);
        if (answers != null && answers.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!"flow_token".equals(e.getKey())) {
                    b.append("\n").append(e.getKey()).append(": ")
                            .append(e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            }
        } else if (json != null) {
            b.append("\n").append(json);
        }
        return b.toString();
    }

    /** "[unsupported message type: T] title: details" from an {@code unsupported} message and its {@code errors[]}. */
    static String unsupported(JsonNode message) {
        String kind = WhatsAppJson.text(WhatsAppJson.object(message, "unsupported"), "type");
        StringBuilder b = new StringBuilder("[unsupported message type").append(kind != null ? ": " + kind : "")
                .append("]");
        JsonNode errors = WhatsAppJson.array(message, "errors");
        if (errors != null && !errors.isEmpty()) {
            b.append(" ").append(WhatsAppErrors.describe(errors.get(0)));
        }
        return b.toString();
    }

    private static void values(JsonNode contact, String array, String field, List<String> out) {
        JsonNode items = WhatsAppJson.array(contact, array);
        if (items != null) {
            for (JsonNode i : items) {
                String v = WhatsAppJson.text(i, field);
                if (v != null) {
                    out.add(v);
                }
            }
        }
    }

    private static BigDecimal decimal(JsonNode item, String field) {
        String v = WhatsAppJson.requireText(item, field, "order.product_items[]");
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            throw new WhatsAppJson.Malformed("order.product_items[]." + field + " is not a number");
        }
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p);
            }
        }
        return String.join(separator, present);
    }
}

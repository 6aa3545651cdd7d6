package dev.socialbridge.connector.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Splits one verified webhook body into independent items. Thread-safe and stateless apart from
 * configuration. Never throws for bad items: they come back as {@link ParsedItem.Quarantined}.
 */
public interface WebhookParser {

    /**
     * @param body     the parsed JSON body, already authenticated by the connector's {@link WebhookIngress}
     * @param endpoint the endpoint it arrived on ({@link WebhookRequest#endpoint()}), e.g. a Telegram bot name
     * @return every item of the body, in payload order; never null
     */
    List<ParsedItem> parse(JsonNode body, String endpoint);

    /** {@link #parse(JsonNode, String)} for a connector with a single endpoint. */
    default List<ParsedItem> parse(JsonNode body) {
        return parse(body, "");
    }
}

package dev.socialbridge.connector.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Splits one verified webhook body into independent items. Thread-safe and stateless apart from
 * configuration. Never throws for bad items: they come back as {@link ParsedItem.Quarantined}.
 */
public interface WebhookParser {

    /**
     * @param body the parsed JSON body, already signature-checked
     * @return every item of the body, in payload order; never null
     */
    List<ParsedItem> parse(JsonNode body);
}

package dev.socialbridge.descriptor;

import java.util.List;

/**
 * An attribution field the plugin fills in the host.
 *
 * @param key         stable key (social_channel, utm_source, ...)
 * @param label       name shown in the host (RT custom field name)
 * @param type        text | select | datetime | integer
 * @param appliesTo   ticket | user | transaction
 * @param values      allowed values for {@code select}, else empty
 * @param unique      host should enforce unique values (idempotency keys)
 * @param description help text shown in the host
 */
public record FieldDef(String key, String label, String type, String appliesTo, List<String> values,
                       boolean unique, String description) {
}

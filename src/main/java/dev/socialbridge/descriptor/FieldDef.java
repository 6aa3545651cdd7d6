package dev.socialbridge.descriptor;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An attribution field the plugin fills in the host.
 *
 * @param key         stable key (social_channel, utm_source, ...)
 * @param label       name shown in the host (RT custom field name)
 * @param type        text | select | datetime | integer
 * @param appliesTo   ticket | user | transaction
 * @param values      allowed values for {@code select}, else empty (never null)
 * @param unique      host should enforce unique values (idempotency keys)
 * @param description help text shown in the host, nullable
 * @param link        the value is a URL the host shows as a clickable link (RT: {@code LinkValueTo})
 * @param group       key of the {@link FieldGroupDef} the host shows this ticket field in, or null (the host's
 *                    default box)
 */
public record FieldDef(String key, String label, String type, String appliesTo,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> values,
                       boolean unique, String description,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean link,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String group) {

    public static final String TYPE_TEXT = "text";
    public static final String TYPE_SELECT = "select";
    public static final String TYPE_DATETIME = "datetime";
    public static final String TYPE_INTEGER = "integer";

    public static final String APPLIES_TO_TICKET = "ticket";
    public static final String APPLIES_TO_USER = "user";
    public static final String APPLIES_TO_TRANSACTION = "transaction";

    public FieldDef {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** A field whose value is shown as it is (not a link), in no group. */
    public FieldDef(String key, String label, String type, String appliesTo, List<String> values, boolean unique,
                    String description) {
        this(key, label, type, appliesTo, values, unique, description, false, null);
    }

    /** A field in no group. */
    public FieldDef(String key, String label, String type, String appliesTo, List<String> values, boolean unique,
                    String description, boolean link) {
        this(key, label, type, appliesTo, values, unique, description, link, null);
    }
}

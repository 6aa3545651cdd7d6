package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.FieldDef;

/** How a descriptor field maps onto an RT custom field: type, lookup type, step kind, create body. */
final class RtFieldTypes {
    static final String TICKET_LOOKUP = "RT::Queue-RT::Ticket";
    static final String USER_LOOKUP = "RT::User";
    static final String TRANSACTION_LOOKUP = "RT::Queue-RT::Ticket-RT::Transaction";
    /** RT's {@code LinkValueTo} of a field whose value is the whole URL. */
    static final String LINK_TO_VALUE = "__CustomField__";
    /** RT has no integer type: a Freeform field with this pattern ("Input must match [Integer]"). */
    static final String INTEGER_PATTERN = "(?#Integer)^-?[0-9]+$";

    private RtFieldTypes() {
    }

    static String lookupType(FieldDef field) {
        return switch (field.appliesTo()) {
            case FieldDef.APPLIES_TO_USER -> USER_LOOKUP;
            case FieldDef.APPLIES_TO_TRANSACTION -> TRANSACTION_LOOKUP;
            default -> TICKET_LOOKUP;
        };
    }

    /** RT custom field {@code Type}. */
    static String rtType(FieldDef field) {
        return switch (field.type()) {
            case FieldDef.TYPE_SELECT -> "Select";
            case FieldDef.TYPE_DATETIME -> "DateTime";
            default -> "Freeform";
        };
    }

    /** Provisioning step kind: ticket-field | user-field | transaction-field. */
    static String stepKind(FieldDef field) {
        return field.appliesTo() + "-field";
    }

    static boolean isTicketField(FieldDef field) {
        return FieldDef.APPLIES_TO_TICKET.equals(field.appliesTo());
    }

    /**
     * Body of {@code POST /customfield}. Ticket fields carry the legacy {@code "Queue":0}, which applies
     * them globally in the same call; REST2 has no way to apply user or transaction fields. A link field gets
     * {@code LinkValueTo}, so that RT shows its value as a link.
     */
    static ObjectNode createBody(FieldDef field) {
        ObjectNode body = RtClient.JSON.createObjectNode()
                .put("Name", field.label())
                .put("Type", rtType(field))
                .put("MaxValues", 1)
                .put("LookupType", lookupType(field));
        if (field.description() != null) {
            body.put("Description", field.description());
        }
        if (field.unique()) {
            body.put("UniqueValues", 1);
        }
        if (FieldDef.TYPE_INTEGER.equals(field.type())) {
            body.put("Pattern", INTEGER_PATTERN);
        }
        if (field.link()) {
            // honoured by RT's create (REST2 cannot read it back nor change it afterwards)
            body.put("LinkValueTo", LINK_TO_VALUE);
        }
        if (isTicketField(field)) {
            body.put("Queue", 0);
        }
        return body;
    }
}

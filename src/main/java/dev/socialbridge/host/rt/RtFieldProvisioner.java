package dev.socialbridge.host.rt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.socialbridge.descriptor.FieldDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Finds or creates one descriptor field as an RT custom field, checks its type, unique flag and
 * where it is applied, then its select values. Never creates a second field of the same name and
 * never changes a field it did not create, except applying user/transaction fields via the helper.
 */
final class RtFieldProvisioner {
    private static final String VALUE_KIND = "field-value";

    private final RtProvisioningContext ctx;

    RtFieldProvisioner(RtProvisioningContext ctx) {
        this.ctx = ctx;
    }

    void provision(FieldDef field) {
        List<String> ids = search(field);
        if (ids.isEmpty()) {
            missing(field);
        } else if (ids.size() > 1) {
            ctx.add(RtFinding.conflict(kind(field), field.key(), field.label(), "duplicate custom field name: ids " + ids,
                    ids.size() + " enabled custom fields are named '" + field.label() + "' (duplicate custom field name)",
                    "disable all but one of custom fields " + ids + " in RT (Admin > Custom Fields)"));
        } else {
            existing(field, ctx.client.get("/customfield/" + ids.get(0)));
        }
    }

    /** Ids of enabled custom fields with this name and lookup type (the POST is a search, not a write). */
    private List<String> search(FieldDef field) {
        ArrayNode query = RtClient.JSON.createArrayNode();
        query.addObject().put("field", "Name").put("value", field.label());
        query.addObject().put("field", "LookupType").put("value", RtFieldTypes.lookupType(field));
        JsonNode result = ctx.client.post("/customfields?fields=Name&per_page=100", query);
        return StreamSupport.stream(result.path("items").spliterator(), false)
                .filter(item -> field.label().equalsIgnoreCase(item.path("Name").asText(field.label())))
                .map(item -> item.path("id").asText())
                .toList();
    }

    private void missing(FieldDef field) {
        String type = RtFieldTypes.rtType(field);
        if (!ctx.write) {
            String then = RtFieldTypes.isTicketField(field) ? "applied globally"
                    : ctx.helper.canRun() ? "then applied globally with " + RtApplyHelper.SCRIPT
                    : "then an admin must run: " + command(field);
            ctx.add(RtFinding.toCreate(kind(field), field.key(), field.label(), "would create a " + type
                    + " custom field, " + then, "custom field does not exist in RT"));
            values(field, "", List.of());
            return;
        }
        String id = ctx.client.post("/customfield", RtFieldTypes.createBody(field)).path("id").asText();
        if (RtFieldTypes.isTicketField(field)) {
            ctx.add(RtFinding.created(kind(field), field.key(), field.label(), "id " + id + ", applied globally"));
        } else {
            applyWithHelper(field, id, "created");
        }
        values(field, id, List.of());
    }

    private void existing(FieldDef field, JsonNode cf) {
        String id = cf.path("id").asText();
        String expectedType = RtFieldTypes.rtType(field);
        String actualType = cf.path("Type").asText();
        if (!expectedType.equalsIgnoreCase(actualType)) {
            ctx.add(RtFinding.conflict(kind(field), field.key(), field.label(),
                    "type mismatch: id " + id + " is " + actualType + ", expected " + expectedType,
                    "exists in RT as a " + actualType + " field, Social Bridge needs " + expectedType,
                    "rename or disable custom field " + id + " in RT, then run the install again"));
            return;
        }
        if (field.unique() && !"1".equals(cf.path("UniqueValues").asText())) {
            ctx.add(RtFinding.conflict(kind(field), field.key(), field.label(),
                    "id " + id + " does not enforce unique values",
                    "does not enforce unique values (it is an idempotency key)",
                    "tick 'Values must be unique' on custom field " + id + " in RT (Admin > Custom Fields)"));
        } else {
            checkApplied(field, id);
        }
        values(field, id, StreamSupport.stream(cf.path("Values").spliterator(), false).map(JsonNode::asText).toList());
    }

    private void checkApplied(FieldDef field, String id) {
        List<String> missingOn = missingOn(field, id);
        if (missingOn.isEmpty()) {
            ctx.add(RtFinding.present(kind(field), field.key(), field.label(), "id " + id));
        } else if (RtFieldTypes.isTicketField(field)) {
            // an admin's field: applying it globally would drop its per-queue applications, so ask
            ctx.add(RtFinding.conflict(kind(field), field.key(), field.label(), command(field),
                    "custom field " + id + " is not applied to " + String.join(", ", missingOn),
                    "REST2 cannot apply an existing custom field; on the RT host run: " + command(field)));
        } else if (!ctx.write && ctx.helper.canRun()) {
            ctx.add(RtFinding.toCreate(kind(field), field.key(), field.label(),
                    "id " + id + ", would apply globally with " + RtApplyHelper.SCRIPT, "is not applied in RT"));
        } else {
            applyWithHelper(field, id, "exists");
        }
    }

    /** Where the field should show up but does not: plugin queues, or the API user for user fields. */
    private List<String> missingOn(FieldDef field, String id) {
        if (FieldDef.APPLIES_TO_USER.equals(field.appliesTo())) {
            JsonNode user = ctx.client.get("/user/" + RtClient.segment(ctx.apiUserRef));
            return containsId(user.path("CustomFields"), id) ? List.of() : List.of("users");
        }
        String listKey = RtFieldTypes.isTicketField(field) ? "TicketCustomFields" : "TicketTransactionCustomFields";
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> queue : ctx.queues.entrySet()) {
            if (!containsId(queue.getValue().path(listKey), id)) {
                missing.add("queue '" + queue.getKey() + "'");
            }
        }
        return missing;
    }

    private void applyWithHelper(FieldDef field, String id, String state) {
        String lookup = RtFieldTypes.lookupType(field);
        if (ctx.write && ctx.helper.canRun()) {
            RtApplyHelper.Result result = ctx.helper.apply(field.label(), lookup);
            if (result.applied()) {
                ctx.queues.keySet().forEach(ctx::refreshQueue);
                ctx.add(RtFinding.created(kind(field), field.key(), field.label(),
                        "id " + id + ", applied globally with " + RtApplyHelper.SCRIPT));
                return;
            }
            ctx.add(RtFinding.conflict(kind(field), field.key(), field.label(), command(field),
                    "custom field " + id + " " + state + " but " + RtApplyHelper.SCRIPT + " failed: " + result.output(),
                    "on the RT host run: " + command(field)));
            return;
        }
        ctx.add(RtFinding.conflict(kind(field), field.key(), field.label(), command(field),
                "custom field " + id + " " + state + " but is not applied (REST2 cannot apply "
                        + field.appliesTo() + " custom fields)",
                "on the RT host run: " + command(field)));
    }

    private void values(FieldDef field, String id, List<String> existing) {
        if (!FieldDef.TYPE_SELECT.equals(field.type())) {
            return;
        }
        for (String value : field.values()) {
            String key = field.key() + "=" + value;
            if (existing.contains(value)) {
                ctx.add(RtFinding.present(VALUE_KIND, key, value, field.label()));
            } else if (!ctx.write) {
                ctx.add(RtFinding.toCreate(VALUE_KIND, key, value, field.label(),
                        "value is missing from custom field '" + field.label() + "'"));
            } else {
                ctx.client.post("/customfield/" + id + "/value", Map.of("Name", value));
                ctx.add(RtFinding.created(VALUE_KIND, key, value, field.label()));
            }
        }
    }

    private String command(FieldDef field) {
        return ctx.helper.command(field.label(), RtFieldTypes.lookupType(field));
    }

    private static String kind(FieldDef field) {
        return RtFieldTypes.stepKind(field);
    }

    private static boolean containsId(JsonNode list, String id) {
        return StreamSupport.stream(list.spliterator(), false).anyMatch(cf -> id.equals(cf.path("id").asText()));
    }
}

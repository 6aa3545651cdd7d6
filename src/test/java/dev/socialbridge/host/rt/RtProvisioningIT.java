package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.ProvisioningPlan;
import dev.socialbridge.host.spi.ProvisioningPlan.Status;
import dev.socialbridge.host.spi.ProvisioningPlan.Step;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Install, dry run, re-install and verify against the live RT, on a descriptor unique to this run. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RtProvisioningIT {
    private static Descriptor descriptor;
    private static String suffix;
    private static HostAdapter adapter;

    @BeforeAll
    static void uniqueDescriptor() {
        descriptor = RtTestSupport.uniqueDescriptor();
        suffix = RtTestSupport.suffixOf(descriptor);
        adapter = RtTestSupport.adapter(descriptor);
    }

    @AfterAll
    static void disableWhatWasCreated() {
        RtTestSupport.disable(descriptor);
    }

    @Test
    @Order(1)
    void dryRunProposesToCreateEverythingAndChangesNothing() {
        RtTestSupport.RtCounts before = RtTestSupport.counts(suffix);

        ProvisioningPlan plan = adapter.plan(descriptor);

        assertEquals(new RtTestSupport.RtCounts(0, 0, 0), before);
        assertEquals(before, RtTestSupport.counts(suffix));
        assertEquals(expectedStepCount(), plan.steps().size());
        assertEquals(plan.steps().size(), plan.count(Status.CREATE), () -> "not all CREATE: " + plan.steps());
    }

    @Test
    @Order(2)
    void installCreatesEveryQueueFieldAndValue() {
        ProvisioningPlan plan = adapter.install(descriptor);

        assertEquals(expectedStepCount(), plan.count(Status.CREATED), () -> "not all CREATED: " + plan.steps());
        assertEquals(new RtTestSupport.RtCounts(descriptor.queues().size(), descriptor.fields().size(),
                selectValueCount()), RtTestSupport.counts(suffix));
    }

    @Test
    @Order(3)
    void installedFieldsHaveTheDescriptorTypesFlagsAndValues() {
        for (FieldDef field : descriptor.fields()) {
            JsonNode cf = RtTestSupport.get("/customfield/" + fieldId(field));
            String where = field.key() + ": ";
            assertEquals(RtFieldTypes.rtType(field), cf.path("Type").asText(), where + "type");
            assertEquals(RtFieldTypes.lookupType(field), cf.path("LookupType").asText(), where + "lookup type");
            assertEquals("1", cf.path("MaxValues").asText(), where + "max values");
            assertEquals(field.unique() ? "1" : "0", cf.path("UniqueValues").asText(), where + "unique");
            assertEquals(FieldDef.TYPE_INTEGER.equals(field.type()) ? RtFieldTypes.INTEGER_PATTERN : "", cf.path("Pattern").asText(),
                    where + "pattern");
            assertEquals(field.values().stream().sorted().toList(), texts(cf.path("Values")).stream().sorted().toList(),
                    where + "values");
            assertEquals(field.link(), RtTestSupport.linksToValue(field.label()) && RtFieldTypes.isTicketField(field),
                    where + "values shown as links");
        }
        assertTrue(descriptor.field("permalink").orElseThrow().link());
        assertTrue(descriptor.field("social_profile_url").orElseThrow().link());
    }

    @Test
    @Order(4)
    void installAppliesEveryFieldWhereThePluginNeedsIt() {
        for (QueueDef queue : descriptor.queues()) {
            JsonNode json = RtTestSupport.get("/queue/" + RtClient.segment(queue.label()));
            assertEquals("1", json.path("SLADisabled").asText(), "RT's own SLA stays off: " + queue.label());
            assertTrue(RtTestSupport.customFieldNames(json, "TicketCustomFields").containsAll(labels("ticket")),
                    () -> queue.label() + " lacks ticket fields: " + json.path("TicketCustomFields"));
            assertTrue(RtTestSupport.customFieldNames(json, "TicketTransactionCustomFields")
                    .containsAll(labels("transaction")), () -> queue.label() + " lacks the transaction field");
        }
        JsonNode apiUser = RtTestSupport.get("/user/" + RtSettings.from(RtTestSupport.settings()).apiUserRef().orElseThrow());
        assertTrue(RtTestSupport.customFieldNames(apiUser, "CustomFields").containsAll(labels("user")),
                () -> "user field not applied: " + apiUser.path("CustomFields"));
    }

    @Test
    @Order(5)
    void secondInstallFindsEverythingPresentAndChangesNothing() {
        RtTestSupport.RtCounts before = RtTestSupport.counts(suffix);

        ProvisioningPlan plan = adapter.install(descriptor);

        assertEquals(plan.steps().size(), plan.count(Status.PRESENT), () -> "not all PRESENT: " + notPresent(plan));
        assertEquals(expectedStepCount(), plan.steps().size());
        assertEquals(before, RtTestSupport.counts(suffix));
    }

    @Test
    @Order(6)
    void verifyFindsNoProblemAfterInstall() {
        // the API user (root) has more rights than the plugin needs: a warning, not a problem
        assertEquals(List.of(), adapter.verify(descriptor).stream().filter(p -> !p.warning()).toList());
        assertEquals(0, adapter.plan(descriptor).steps().stream().filter(s -> s.status() != Status.PRESENT).count());
    }

    /**
     * Queues, fields, select values, the link fields (one step), the workplace (field groupings, priority names, the
     * collapsed box, the empty fields left out) and the contacts' rights (group "Social Contacts" by default).
     */
    private static int expectedStepCount() {
        return descriptor.queues().size() + descriptor.fields().size() + selectValueCount() + 1 + 4 + 1;
    }

    private static int selectValueCount() {
        return descriptor.fields().stream().mapToInt(f -> f.values().size()).sum();
    }

    private static List<String> labels(String appliesTo) {
        return descriptor.fieldsAppliedTo(appliesTo).stream().map(FieldDef::label).toList();
    }

    private static String fieldId(FieldDef field) {
        ArrayNode query = RtClient.JSON.createArrayNode();
        query.addObject().put("field", "Name").put("value", field.label());
        query.addObject().put("field", "LookupType").put("value", RtFieldTypes.lookupType(field));
        JsonNode result = RtTestSupport.post("/customfields", query);
        assertEquals(1, result.path("total").asInt(), field.label() + " should exist exactly once");
        return result.path("items").path(0).path("id").asText();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<Step> notPresent(ProvisioningPlan plan) {
        return plan.steps().stream().filter(s -> s.status() != Status.PRESENT).toList();
    }
}

package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.FieldGroupDef;
import dev.socialbridge.descriptor.PriorityDef;
import dev.socialbridge.descriptor.QueueDef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RT form of the descriptor's field groups and priority names. */
class RtWorkplaceSpecTest {
    private static final QueueDef.Sla SLA = new QueueDef.Sla(30, 240);

    private static Descriptor descriptor(List<FieldDef> fields, List<FieldGroupDef> groups, List<PriorityDef> priorities) {
        return new Descriptor("social-bridge", "0.1.0", List.of("tickets"), fields,
                List.of(new QueueDef("hot_leads", "Social Hot Leads", null, 80, SLA),
                        new QueueDef("support", "Social Support", null, 50, SLA)),
                List.of(), null, groups, priorities);
    }

    private static FieldDef field(String key, String label, String appliesTo, String group) {
        return new FieldDef(key, label, "text", appliesTo, List.of(), false, null, false, group);
    }

    @Test
    void groupsTicketFieldsInTheGroupsOrderAndLeavesEmptyGroupsOut() {
        Descriptor d = descriptor(List.of(
                        field("thread_key", "Social Thread Key", "ticket", "technical"),
                        field("social_channel", "Social Channel", "ticket", "conversation"),
                        field("ungrouped", "Other", "ticket", null),
                        field("social_handle", "Social Handle", "ticket", "conversation")),
                List.of(new FieldGroupDef("conversation", "Conversation", false, true),
                        new FieldGroupDef("understanding", "Understanding", false, true),
                        new FieldGroupDef("technical", "Technical", true, false)),
                List.of(new PriorityDef("Low", 0), new PriorityDef("Hot", 80)));

        RtWorkplaceSpec spec = RtWorkplaceSpec.of(d);

        assertEquals(List.of("Social Hot Leads", "Social Support"), spec.queues());
        assertEquals(List.of(new RtWorkplaceSpec.Grouping("Conversation", List.of("Social Channel", "Social Handle")),
                new RtWorkplaceSpec.Grouping("Technical", List.of("Social Thread Key"))), spec.groupings());
        assertEquals(List.of("Technical"), spec.collapsed());
        assertEquals(List.of("Conversation"), spec.hideEmpty(), "a group without a ticket field is no box to act on");
        assertEquals(List.of(new PriorityDef("Low", 0), new PriorityDef("Hot", 80)), spec.priorities());
    }

    @Test
    void writesRtsOwnShapesAsJson() throws Exception {
        Descriptor d = descriptor(List.of(field("thread_key", "Social Thread Key", "ticket", "technical")),
                List.of(new FieldGroupDef("technical", "Technical", true, true)),
                List.of(new PriorityDef("Low", 0), new PriorityDef("Urgent", 90)));

        JsonNode json = RtClient.JSON.readTree(RtWorkplaceSpec.of(d).toJson());

        assertEquals(RtClient.JSON.readTree("{\"queues\":[\"Social Hot Leads\",\"Social Support\"],"
                + "\"groupings\":[[\"Technical\",[\"Social Thread Key\"]]],\"collapsed\":[\"Technical\"],"
                + "\"hideEmpty\":[\"Technical\"],\"priorities\":[[\"Low\",0],[\"Urgent\",90]]}"), json);
    }

    @Test
    void aDescriptorWithoutGroupsOrPrioritiesAsksForNothing() {
        Descriptor d = descriptor(List.of(field("thread_key", "Social Thread Key", "ticket", null)), List.of(), List.of());

        assertFalse(RtWorkplaceSpec.of(d).declaresAnything());
    }

    @Test
    void theShippedDescriptorGroupsEveryTicketFieldInFiveBoxes() {
        Descriptor shipped = DescriptorLoader.fromClasspath();

        RtWorkplaceSpec spec = RtWorkplaceSpec.of(shipped);

        assertEquals(List.of("Conversation", "Understanding", "Lead & attribution", "Moderation", "Technical"),
                spec.groupings().stream().map(RtWorkplaceSpec.Grouping::title).toList());
        assertEquals(shipped.fieldsAppliedTo(FieldDef.APPLIES_TO_TICKET).size(),
                spec.groupings().stream().mapToInt(g -> g.fields().size()).sum());
        assertEquals(List.of("Technical"), spec.collapsed());
        assertEquals(List.of("Conversation", "Understanding", "Lead & attribution", "Moderation", "Technical"),
                spec.hideEmpty(), "every box lists only the fields with a value");
        assertEquals(List.of("Low", "Normal", "High", "Hot", "Urgent"),
                spec.priorities().stream().map(PriorityDef::label).toList());
        assertEquals(5, spec.queues().size());
    }
}

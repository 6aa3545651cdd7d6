package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.host.spi.HostProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The spec rt-roles.pl applies, built from the shipped descriptor, and the parsing of its rights report. */
class RtRolesTest {
    private final Descriptor descriptor = DescriptorLoader.fromClasspath();
    private final JsonNode roles = RtRoles.spec(descriptor, "Social");

    @Test
    void createsTheThreeGroupsEachWithItsDashboardAdminsLast() {
        assertEquals(List.of("Social Sales", "Social Support", "Social Admins"), texts(roles, "group"));
        assertEquals(texts(roles, "group"), texts(roles, "dashboard"));
    }

    @Test
    void eachRoleWorksOnlyItsQueues() {
        assertEquals(List.of("Social Hot Leads", "Social VIP & Partners"), queues(0));
        assertEquals(List.of("Social Support", "Social VIP & Partners", "Social General"), queues(1));
        assertEquals(List.of("Social Hot Leads", "Social Support", "Social VIP & Partners", "Social Moderation Review",
                "Social General"), queues(2));
    }

    @Test
    void onlyAdminsStealReassignModerateAndKeepTheRosters() {
        assertFalse(rights(0, "queue", "Social Hot Leads").contains("StealTicket"));
        assertTrue(rights(0, "queue", "Social Hot Leads").containsAll(List.of("ReplyToTicket", "CommentOnTicket",
                "OwnTicket", "TakeTicket", "ModifyTicket", "ShowTicketComments", "SeeCustomField")));
        assertTrue(rights(2, "queue", "Social Hot Leads").containsAll(List.of("StealTicket", "ReassignTicket")));
        assertEquals(List.of(), rights(1, "cf", "Social Moderation Status"));
        assertEquals(List.of("ModifyCustomField"), rights(2, "cf", "Social Moderation Status"));
        assertEquals(List.of("ModifyCustomField"), rights(0, "cf", "Lead Budget"));
        assertEquals(List.of(), rights(1, "cf", "Lead Budget"));
        assertEquals(List.of(), rights(0, "cf", "Social Thread Key"));
        assertEquals(List.of("SeeGroup", "AdminGroupMembership"), rights(2, "group", "Social Sales"));
        assertEquals(List.of(), rights(0, "group", "Social Support"));
        for (int i = 0; i < 3; i++) {
            String group = roles.get(i).path("group").asText();
            assertEquals(true, rights(i, "group", group).containsAll(List.of("SeeGroup", "ShowSavedSearches", "SeeGroupDashboard")));
            assertEquals(List.of("LoadSavedSearch"), rights(i, "system", null));
        }
    }

    @Test
    void sharesTheSearchesOfEachRoleWithChartsGroupedByTheirField() {
        assertEquals(List.of("My hot leads", "New leads by campaign this week"), texts(roles.get(0).path("searches"), "name"));
        assertEquals(List.of("My open social tickets", "Breaching within the hour", "Breached today"),
                texts(roles.get(1).path("searches"), "name"));
        assertEquals(List.of("Hides awaiting review", "Tickets from dead-lettered deliveries", "Volume by channel"),
                texts(roles.get(2).path("searches"), "name"));
        JsonNode byCampaign = roles.get(0).path("searches").get(1);
        assertEquals("Chart", byCampaign.path("type").asText());
        assertEquals("CF.{Campaign Tag}", byCampaign.path("content").path("GroupBy").get(0).asText());
        assertEquals("CF.{Social Channel}", roles.get(2).path("searches").get(2).path("content").path("GroupBy").get(0).asText());
        assertEquals("Status = '__Active__' AND (Queue = 'Social Support' OR Queue = 'Social VIP & Partners' OR Queue = "
                        + "'Social General') AND Due >= 'now' AND Due < '+1 hour'",
                roles.get(1).path("searches").get(1).path("content").path("Query").asText());
        assertEquals("'CF.{Social Delivery Status}' = 'dead_lettered'",
                roles.get(2).path("searches").get(1).path("content").path("Query").asText());
    }

    @Test
    void aHighLeadScoreIsComparedAsTheTextRtStores() {
        assertEquals("('CF.{Lead Score}' = '100' OR ('CF.{Lead Score}' >= '70' AND 'CF.{Lead Score}' <= '99'"
                + " AND 'CF.{Lead Score}' != '8' AND 'CF.{Lead Score}' != '9'))", RtRoleSearches.atLeast("Lead Score", 70));
        assertThrows(IllegalArgumentException.class, () -> RtRoleSearches.atLeast("Lead Score", 100));
    }

    @Test
    void quotesQueueNamesForTicketSql() {
        assertEquals("'Bob\\'s queue'", RtRoles.quote("Bob's queue"));
    }

    @Test
    void thePluginNeedsTheQueueAndFieldRightsOfWhatItDoesAndAdminUsersForContacts() {
        JsonNode plugin = RtPluginRights.spec(descriptor, Optional.of("Social Contacts"));
        List<String> objects = new ArrayList<>();
        plugin.path("grants").forEach(g -> objects.add(g.path("object").asText()));
        assertEquals(1 + descriptor.queues().size() + descriptor.fields().size() + 1, objects.size());
        assertEquals("AdminUsers", plugin.path("grants").get(0).path("rights").get(0).asText());
        assertEquals("group", objects.get(objects.size() - 1));
        assertTrue(texts(plugin.path("excessive")).contains("SuperUser"));
        assertEquals(objects.size() - 1, RtPluginRights.spec(descriptor, Optional.empty()).path("grants").size());
    }

    @Test
    void missingRightsAreOneProblemExcessiveOnesAWarningAndObjectsNotYetInstalledNeither() {
        String output = String.join("\n", "has: user sb AdminUsers on RT (global)",
                "missing: user sb ModifyTicket on queue Social Support",
                "missing: user sb SeeCustomField on custom field Social Intent",
                "missing: queue Social General (not found)",
                "excessive: user sb AdminQueue on RT (global)",
                "excessive: user sb ModifyACL on RT (global)");

        List<HostProblem> problems = RtPluginRights.problems(output, "sb", "perl rt-roles.pl --grant-plugin sb");

        assertEquals(2, problems.size(), problems::toString);
        assertFalse(problems.get(0).warning());
        assertEquals("2 right(s) missing: ModifyTicket on queue Social Support; SeeCustomField on custom field Social Intent",
                problems.get(0).message());
        assertEquals("on the RT host run: perl rt-roles.pl --grant-plugin sb", problems.get(0).fixHint());
        assertTrue(problems.get(1).warning());
        assertEquals("more rights than the plugin needs: AdminQueue on RT (global), ModifyACL on RT (global)",
                problems.get(1).message());
        assertEquals(List.of(), RtPluginRights.problems("has: user sb AdminUsers on RT (global)", "sb", "x"));
    }

    private List<String> queues(int role) {
        List<String> labels = new ArrayList<>();
        roles.get(role).path("grants").forEach(g -> {
            if (g.path("object").asText().equals("queue")) {
                labels.add(g.path("name").asText());
            }
        });
        return labels;
    }

    private List<String> rights(int role, String object, String name) {
        for (JsonNode g : roles.get(role).path("grants")) {
            if (g.path("object").asText().equals(object) && (name == null || g.path("name").asText().equals(name))) {
                return texts(g.path("rights"));
            }
        }
        return List.of();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}

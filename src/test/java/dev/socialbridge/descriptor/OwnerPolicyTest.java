package dev.socialbridge.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The queues' owner policies in the descriptor: parsed, checked with the key and value named, shown in the matrix. */
class OwnerPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shipped descriptor with {@code owner} (JSON) on its first queue, hot_leads. */
    private static Descriptor withHotLeadsOwner(String owner) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(Path.of("descriptor", "social-bridge.json")));
        ((ObjectNode) doc.withArray("queues").get(0)).set("owner", JSON.readTree(owner));
        return DescriptorLoader.parse(JSON.writeValueAsString(doc), "test");
    }

    @Test
    void aQueueWithoutOwnerGivesItsTicketsToNobody() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(Path.of("descriptor", "social-bridge.json")));
        ((ObjectNode) doc.withArray("queues").get(0)).remove("owner");
        QueueDef hot = DescriptorLoader.parse(JSON.writeValueAsString(doc), "test").queue("hot_leads").orElseThrow();

        assertEquals(QueueDef.Owner.NOBODY, hot.owner());
        assertEquals("nobody", hot.owner().describe());
    }

    @Test
    void theShippedQueuesGoToTheirRoleGroupsInTurnExceptVip() {
        Descriptor shipped = DescriptorLoader.fromClasspath();

        assertEquals(QueueDef.Owner.roundRobinGroup("Social Sales"), shipped.queue("hot_leads").orElseThrow().owner());
        assertEquals(QueueDef.Owner.roundRobinGroup("Social Support"), shipped.queue("support").orElseThrow().owner());
        assertEquals(QueueDef.Owner.roundRobinGroup("Social Support"), shipped.queue("general").orElseThrow().owner());
        assertEquals(QueueDef.Owner.roundRobinGroup("Social Admins"),
                shipped.queue("moderation_review").orElseThrow().owner());
        assertEquals(QueueDef.Owner.NOBODY, shipped.queue("vip_partners").orElseThrow().owner());
    }

    @Test
    void readsTheThreePolicies() throws Exception {
        assertEquals(QueueDef.Owner.roundRobinGroup("Social Sales"), withHotLeadsOwner(
                "{\"policy\":\"round-robin\",\"group\":\"Social Sales\"}").queue("hot_leads").orElseThrow().owner());
        assertEquals(QueueDef.Owner.roundRobin(List.of("ann", "bob")), withHotLeadsOwner(
                "{\"policy\":\"round-robin\",\"users\":[\"ann\",\"bob\"]}").queue("hot_leads").orElseThrow().owner());
        assertEquals(QueueDef.Owner.user("lead.alice"), withHotLeadsOwner(
                "{\"policy\":\"user\",\"user\":\"lead.alice\"}").queue("hot_leads").orElseThrow().owner());
        assertEquals(QueueDef.Owner.NOBODY, withHotLeadsOwner("{\"policy\":\"none\"}").queue("hot_leads").orElseThrow().owner());
    }

    @Test
    void aPolicySurvivesTheRoundTrip() throws Exception {
        Descriptor d = withHotLeadsOwner("{\"policy\":\"round-robin\",\"group\":\"Social Sales\"}");

        assertEquals(d, DescriptorLoader.parse(DescriptorLoader.toJson(d), "round-trip"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"policy\":\"roundrobin\",\"group\":\"S\"}       | $.queues[0].owner.policy: 'roundrobin' is not an owner policy (none, user, round-robin)",
        "{\"policy\":\"user\"}                             | $.queues[0].owner.user: policy 'user' needs the host login of the owner",
        "{\"policy\":\"user\",\"user\":\"a\",\"group\":\"S\"} | $.queues[0].owner: policy 'user' takes only 'user' (not 'group' or 'users')",
        "{\"policy\":\"round-robin\"}                      | $.queues[0].owner: policy 'round-robin' needs either 'group' (a host group) or 'users' (host logins), not neither",
        "{\"policy\":\"round-robin\",\"group\":\"S\",\"users\":[\"a\"]} | $.queues[0].owner: policy 'round-robin' needs either 'group' (a host group) or 'users' (host logins), not both",
        "{\"policy\":\"none\",\"user\":\"a\"}              | $.queues[0].owner: policy 'none' gives tickets to nobody: remove 'user', 'group' and 'users'",
        "{\"group\":\"S\"}                                 | $.queues[0].owner.policy: is required",
    })
    void aBadPolicyNamesItsKeyAndValue(String owner, String problem) {
        DescriptorException e = assertThrows(DescriptorException.class, () -> withHotLeadsOwner(owner));

        assertTrue(e.problems().contains(problem), () -> "problems were " + e.problems());
    }

    @Test
    void theMatrixShowsEachQueuesOwner() throws Exception {
        Descriptor d = withHotLeadsOwner("{\"policy\":\"round-robin\",\"group\":\"Social Sales\"}");

        List<String> lines = dev.socialbridge.sla.SlaPolicy.aroundTheClock().describe(d);

        assertTrue(lines.get(0).startsWith("hot_leads") && lines.get(0).endsWith(
                "; owner: round-robin among group Social Sales"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("vip_partners") && l.endsWith("; owner: nobody")),
                lines.toString());
    }
}

package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.rt.RtClient;
import dev.socialbridge.host.rt.RtSettings;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostProblem;
import dev.socialbridge.host.spi.TicketRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Owners against a live RT: hot leads go in turn to the members of a group with OwnTicket, VIP tickets to their
 * queue's fixed owner, and a queue whose owner may not own tickets gets its tickets created unowned (and verify says
 * why). The users, the group and its rights are made for the run (REST2 creates users and groups and adds members;
 * the right is granted with test-fixtures/rt/rt-test-grant.pl).
 */
class OwnersIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    static final Duration WAIT = Duration.ofSeconds(40);
    static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    static final String ANN = "sb-owners-ann-" + TAG;
    static final String BOB = "sb-owners-bob-" + TAG;
    static final String NO_RIGHTS = "sb-owners-intern-" + TAG;
    static final String GROUP = "Owners IT " + TAG;
    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;
    static RtClient root;

    @BeforeAll
    static void start() throws Exception {
        root = new RtClient(RtSettings.from(Map.of("base-url", RtTestSupport.rtUrl(), "token", RtTestSupport.rtToken())));
        List<String> ids = List.of(user(ANN), user(BOB));
        user(NO_RIGHTS);
        root.post("/group", Map.of("Name", GROUP, "Description", "OwnersIT"));
        String group = root.post("/groups", List.of(Map.of("field", "Name", "value", GROUP))).path("items").path(0)
                .path("id").asText();
        root.put("/group/" + group + "/members", ids.stream().map(Long::parseLong).toList());

        Descriptor installed = RtTestSupport.installedDescriptor();
        descriptor = installed.withQueues(installed.queues().stream().map(q -> switch (q.key()) {
                    case "hot_leads" -> q.withOwner(QueueDef.Owner.roundRobinGroup(GROUP));
                    case "vip_partners" -> q.withOwner(QueueDef.Owner.user(ANN));
                    case "general" -> q.withOwner(QueueDef.Owner.user(NO_RIGHTS));
                    default -> q;
                }).toList());
        grant("OwnTicket", GROUP, label("hot_leads"), label("vip_partners"));

        Path dir = Files.createTempDirectory("sb-owners");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: vip
                    when:
                      kind: [dm]
                      keywords: [partenariat]
                    then:
                      - escalate: vip_partners
                  - id: lead
                    when:
                      kind: [dm]
                      keywords: [acheter]
                    then:
                      - escalate: hot_leads
                  - id: everything-else
                    when:
                      kind: [dm]
                    then:
                      - escalate: general
                """);
        Path templates = Files.writeString(dir.resolve("templates.yaml"), "templates: {}\n");
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of(
                        "socialbridge.automation.rules-file", rules.toString(),
                        "socialbridge.automation.templates-file", templates.toString()));
        rt = RtTestSupport.adapter(descriptor);
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** A privileged RT user {@code name} made with REST2; returns its numeric id. */
    private static String user(String name) {
        root.post("/user", Map.of("Name", name, "Privileged", 1, "EmailAddress", name + "@owners.example.com"));
        return root.get("/user/" + name).path("id").asText();
    }

    private static String label(String queueKey) {
        return descriptor.queue(queueKey).orElseThrow().label();
    }

    private static void grant(String right, String group, String... queues) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("perl", "test-fixtures/rt/rt-test-grant.pl", right, group));
        command.addAll(List.of(queues));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        for (String line : Files.readAllLines(RtTestSupport.ENV_FILE)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^export\\s+(RT_SITE_CONFIG\\w*)='?(.*?)'?$")
                    .matcher(line.trim());
            if (m.matches() && System.getenv(m.group(1)) == null) {
                pb.environment().put(m.group(1), m.group(2));
            }
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            fail("could not grant " + right + ": " + out);
        }
    }

    /** Posts a DM of a new thread; returns the thread key. */
    private static String dm(String text) throws Exception {
        String run = ServerHarness.newRun();
        String body = ServerHarness.fixture("ig-dm.json", run).replaceAll("\"text\": *\"[^\"]*\"", "\"text\": \"" + text + "\"");
        assertEquals(200, harness.postWebhook(body).statusCode());
        return "instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003";
    }

    private static TicketRef ticketFor(String thread) throws InterruptedException {
        ServerHarness.await("ticket for " + thread, WAIT, () -> rt.findTicketByThread(thread).isPresent());
        return rt.findTicketByThread(thread).orElseThrow();
    }

    private static String owner(TicketRef t) {
        return RtTestSupport.get("/ticket/" + t.id()).path("Owner").path("id").asText();
    }

    @Test
    void hotLeadsGoToTheGroupsMembersInTurnAndVipTicketsToTheQueuesOwner() throws Exception {
        List<String> threads = List.of(dm("Je veux acheter le pack"), dm("Je voudrais acheter aussi"),
                dm("Un partenariat avec vous ?"));

        Set<String> hotOwners = new HashSet<>(List.of(owner(ticketFor(threads.get(0))), owner(ticketFor(threads.get(1)))));
        assertEquals(Set.of(ANN, BOB), hotOwners, "one hot lead each");
        assertEquals(ANN, owner(ticketFor(threads.get(2))));
    }

    @Test
    void anOwnerRtRefusesLeavesTheTicketUnownedAndVerifySaysWhy() throws Exception {
        TicketRef t = ticketFor(dm("Bonjour, une question"));

        assertEquals("Nobody", owner(t));
        List<HostProblem> problems = rt.verify(descriptor).stream()
                .filter(p -> p.subject().contains("owner")).toList();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).subject().contains(label("general")), problems::toString);
        assertTrue(problems.get(0).message().contains(NO_RIGHTS) && problems.get(0).message().contains("OwnTicket"),
                problems::toString);
    }
}

package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.rt.RtClient;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.sla.calendar.BusinessCalendar;
import dev.socialbridge.sla.calendar.BusinessHours;
import dev.socialbridge.sla.calendar.Holidays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SLA clocks against a live RT with minute-scale targets: a business-hours due date, a re-route that tightens it,
 * a warning then a breach escalation at the right times, and no breach while the ticket is stalled.
 * General counts business hours open only tomorrow 09:00-10:00 UTC; hot leads run around the clock.
 */
class SlaIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    static final Duration WAIT = Duration.ofSeconds(40);
    static final String LEAD = "urgentlead";
    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;
    static RtClient agent;
    static BusinessCalendar business;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("sb-sla");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: lead
                    when:
                      kind: [dm]
                      keywords: [%s]
                    then:
                      - escalate: hot_leads
                  - id: everything-else
                    when:
                      kind: [dm]
                    then:
                      - escalate: general
                """.formatted(LEAD));
        Path templates = Files.writeString(dir.resolve("templates.yaml"), "templates: {}\n");
        Descriptor installed = RtTestSupport.installedDescriptor();
        descriptor = new Descriptor(installed.id(), installed.version(), installed.hostCapabilities(), installed.fields(),
                installed.queues().stream().map(SlaIT::minuteScale).toList(), installed.settings(),
                new QueueDef.Sla(1, 5, 1, QueueDef.CALENDAR_ALWAYS, new QueueDef.Escalation(100, null)),
                installed.fieldGroups(), installed.priorities());
        String tomorrow = Instant.now().atZone(ZoneOffset.UTC).plusDays(1).getDayOfWeek()
                .getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
        String hours = tomorrow + " 09:00-10:00";
        business = new BusinessCalendar(ZoneOffset.UTC, BusinessHours.parse("test", hours), Holidays.none());
        harness = ServerHarness.start(descriptor, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of(
                        "socialbridge.pipeline.agent-reply-poll-interval", "PT0.5S",
                        "socialbridge.automation.rules-file", rules.toString(),
                        "socialbridge.automation.templates-file", templates.toString(),
                        "socialbridge.sla.zone", "UTC",
                        "socialbridge.sla.hours", hours,
                        "socialbridge.sla.warn-at-percent", "50",
                        "socialbridge.sla.check-interval", "PT1S"));
        rt = RtTestSupport.adapter(descriptor);
        agent = RtTestSupport.agent("social-agent-sla-it");
    }

    /** General: 3 min in business hours, breach → support; hot leads: 1 min around the clock, breach → VIP at 97. */
    private static QueueDef minuteScale(QueueDef q) {
        QueueDef.Sla sla = switch (q.key()) {
            case "general" -> new QueueDef.Sla(3, 10, 3, QueueDef.CALENDAR_BUSINESS, new QueueDef.Escalation(60, "support"));
            case "hot_leads" -> new QueueDef.Sla(1, 5, 1, QueueDef.CALENDAR_ALWAYS, new QueueDef.Escalation(97, "vip_partners"));
            default -> q.sla();
        };
        return new QueueDef(q.key(), q.label(), q.description(), q.defaultPriority(), sla);
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** Posts a DM of this run written at {@code at}; returns the thread key. */
    private static String dm(String run, String text, Instant at, String suffix) throws Exception {
        String body = ServerHarness.fixture("ig-dm.json", run)
                .replaceAll("\"timestamp\": *[0-9]{13}", "\"timestamp\": " + at.toEpochMilli())
                .replaceAll("\"text\": *\"[^\"]*\"", "\"text\": \"" + text + "\"")
                .replaceAll("\"mid\": *\"([^\"]*)\"", "\"mid\": \"$1" + suffix + "\"");
        assertEquals(200, harness.postWebhook(body).statusCode());
        return "instagram:dm:" + ServerHarness.IG_ACCOUNT + ":6541" + run + "00003";
    }

    private static TicketRef ticketFor(String thread) throws InterruptedException {
        ServerHarness.await("ticket for " + thread, WAIT, () -> rt.findTicketByThread(thread).isPresent());
        return rt.findTicketByThread(thread).orElseThrow();
    }

    private static JsonNode ticket(TicketRef t) {
        return RtTestSupport.get("/ticket/" + t.id());
    }

    private static Instant due(TicketRef t) {
        return Instant.parse(ticket(t).path("Due").asText());
    }

    /** When the ticket's history first had a comment containing {@code text}, or null. */
    private static Instant commentAt(TicketRef t, String text) {
        for (JsonNode txn : RtTestSupport.get("/ticket/" + t.id() + "/history?fields=Type,Created&per_page=100").path("items")) {
            if (!"Comment".equals(txn.path("Type").asText())) {
                continue;
            }
            String content = RtTestSupport.get("/transaction/" + txn.path("id").asText() + "/attachments?fields=Content")
                    .toString();
            if (content.contains(text)) {
                return Instant.parse(txn.path("Created").asText());
            }
        }
        return null;
    }

    @Test
    void theDueDateCountsBusinessHoursAndTightensWhenTheThreadBecomesAHotLead() throws Exception {
        String run = ServerHarness.newRun();
        Instant first = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        TicketRef t = ticketFor(dm(run, "Bonjour, une question sur vos horaires", first, ""));

        Instant expected = business.addBusinessTime(first, Duration.ofMinutes(3));
        ServerHarness.await("the business-hours due date", WAIT, () -> due(t).equals(expected));
        assertEquals(9, expected.atZone(ZoneOffset.UTC).getHour(), "inside tomorrow's 09:00-10:00 opening");

        dm(run, "En fait c'est " + LEAD + " : je veux acheter", first.plusSeconds(5), "-2");

        ServerHarness.await("the due date 1 min after the first message (hot leads, 24/7)", WAIT,
                () -> due(t).equals(first.plus(Duration.ofMinutes(1))));
        assertEquals(descriptor.queue("hot_leads").orElseThrow().label(),
                RtTestSupport.get("/queue/" + ticket(t).path("Queue").path("id").asText()).path("Name").asText());
    }

    @Test
    void aHotLeadIsWarnedThenEscalatedOnTimeWhileAStalledOneWaits() throws Exception {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String runLate = ServerHarness.newRun();
        String runStalled = ServerHarness.newRun();
        TicketRef late = ticketFor(dm(runLate, "Je veux acheter, " + LEAD, start, ""));
        TicketRef stalled = ticketFor(dm(runStalled, "Je veux acheter, " + LEAD + " aussi", start, ""));
        agent.put("/ticket/" + stalled.id(), Map.of("Status", "stalled"));

        ServerHarness.await("the warning at 50 % of 1 min", Duration.ofSeconds(60), () -> commentAt(late, "SLA warning") != null);
        Instant warned = commentAt(late, "SLA warning");
        assertTrue(!warned.isBefore(start.plusSeconds(29)), "not before 30 s: " + warned + " vs " + start);

        ServerHarness.await("the breach at 1 min", Duration.ofSeconds(60), () -> commentAt(late, "SLA breached") != null);
        Instant breached = commentAt(late, "SLA breached");
        assertTrue(!breached.isBefore(start.plusSeconds(59)), "not before 60 s: " + breached + " vs " + start);
        assertTrue(breached.isBefore(start.plusSeconds(75)), "and soon after: " + breached);
        ServerHarness.await("escalated: priority 97 in VIP & Partners", WAIT, () -> "97".equals(ticket(late).path("Priority").asText()));
        assertEquals(descriptor.queue("vip_partners").orElseThrow().label(),
                RtTestSupport.get("/queue/" + ticket(late).path("Queue").path("id").asText()).path("Name").asText());

        Thread.sleep(3_000);   // the watcher has had its rounds past the stalled ticket's due time too
        assertFalse(commentAt(stalled, "SLA") != null, "no warning or breach while waiting on the customer");
    }


    @Test
    void theKpisAgreeWithAHandCountFromRtsTransactions() throws Exception {
        Instant from = Instant.now().minusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        java.util.List<TicketRef> tickets = new java.util.ArrayList<>();
        java.util.List<Instant> written = new java.util.ArrayList<>();
        for (int n = 0; n < 3; n++) {
            String run = ServerHarness.newRun();
            Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            written.add(at);
            tickets.add(ticketFor(dm(run, "Question " + n + " sur une commande", at, "")));
        }
        for (int n = 0; n < tickets.size(); n++) {
            Thread.sleep(1_000L * n);
            agent.post("/ticket/" + tickets.get(n).id() + "/correspond", Map.of("Content", "Réponse " + n, "ContentType", "text/plain"));
        }
        agent.put("/ticket/" + tickets.get(0).id(), Map.of("Status", "resolved"));

        // the hand count: RT's own transactions, first staff correspondence and resolution, from the customer's message
        java.util.List<Long> firstResponse = new java.util.ArrayList<>();
        long resolution = -1;
        for (int n = 0; n < tickets.size(); n++) {
            Instant answered = null;
            Instant resolvedAt = null;
            for (JsonNode txn : RtTestSupport.get("/ticket/" + tickets.get(n).id()
                    + "/history?fields=Type,Creator,Created,NewValue&per_page=100").path("items")) {
                String type = txn.path("Type").asText();
                if (answered == null && "Correspond".equals(type)
                        && "social-agent-sla-it".equals(txn.path("Creator").path("id").asText())) {
                    answered = Instant.parse(txn.path("Created").asText());
                }
                if ("Status".equals(type) && "resolved".equals(txn.path("NewValue").asText())) {
                    resolvedAt = Instant.parse(txn.path("Created").asText());
                }
            }
            firstResponse.add(Duration.between(written.get(n), answered).toSeconds());
            if (resolvedAt != null) {
                resolution = Duration.between(written.get(n), resolvedAt).toSeconds();
            }
        }
        java.util.Collections.sort(firstResponse);
        long median = firstResponse.get(1);
        long resolved = resolution;

        String path = "admin/kpis?group=none&from=" + from + "&to=" + Instant.now().plusSeconds(1).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS);
        ServerHarness.await("the KPIs to count the three answers and the resolution", WAIT, () -> {
            try {
                JsonNode all = ServerHarness.HTTP_JSON(harness.get(path, true).body()).path("total");
                return all.path("first_response_human").path("count").asInt() == 3 && all.path("resolved").asInt() == 1;
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode all = ServerHarness.HTTP_JSON(harness.get(path, true).body()).path("total");
        assertEquals(3, all.path("threads").asInt(), all.toString());
        assertEquals(median, all.path("first_response_human").path("median_seconds").asLong(), all.toString());
        assertEquals(firstResponse.get(2), all.path("first_response_human").path("p90_seconds").asLong(), all.toString());
        assertEquals(resolved, all.path("resolution").path("median_seconds").asLong(), all.toString());
        assertEquals(0, all.path("first_response_automated").path("count").asInt(), "no automated reply in this pack");
    }
}

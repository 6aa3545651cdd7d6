package dev.socialbridge.app;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.socialbridge.browser.Browser;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.descriptor.FieldKeys;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.rt.RtClient;
import dev.socialbridge.host.rt.RtSettings;
import dev.socialbridge.host.rt.RtTestSupport;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.ProvisioningPlan;
import dev.socialbridge.host.spi.TicketRef;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * RT as the workplace, checked in a real browser (Debian's headless Chromium driven by Selenium): a sales rep, a
 * support agent and an admin, each a member of the role group {@code install} created, log into RT through its own
 * login form and see what the plugin made of three Instagram messages: names in the subjects, the grouped fields
 * with the technical ones collapsed, priority names, owners from the matrix, clickable profile links, their own
 * dashboard; the admin also opens the plugin's report page with the RT session and sees its charts drawn with data.
 * Screenshots land in {@code target/screenshots} (the README's come from here).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RtWorkplaceBrowserIT {
    @RegisterExtension
    static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/meta")).build();

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String PASSWORD = "browser-it-Passw0rd";
    static final String REP = "camille.sales";
    static final String AGENT = "hugo.support";
    static final String ADMIN = "nina.admin";

    static Descriptor descriptor;
    static ServerHarness harness;
    static HostAdapter rt;
    static String run;
    static TicketRef lead;
    static TicketRef support;
    static TicketRef hidden;

    @BeforeAll
    static void start() throws Exception {
        run = ServerHarness.newRun();
        // the shipped labels, as a real installation has them (and the README's screenshots show); left installed
        descriptor = DescriptorLoader.fromClasspath();
        Map<String, String> withRoles = new HashMap<>(RtTestSupport.settings());
        withRoles.put(RtSettings.ROLE_GROUPS, "Social");   // the shared test settings leave role views out
        rt = RtTestSupport.adapter(descriptor, withRoles);
        ProvisioningPlan plan = rt.install(descriptor);
        if (plan.count(ProvisioningPlan.Status.CONFLICT) > 0) {
            fail("install had conflicts: " + plan.steps());
        }
        user(REP, "Camille Roux", "Social Sales");
        user(AGENT, "Hugo Bernard", "Social Support");
        user(ADMIN, "Nina Lambert", "Social Admins");

        // the matrix gives hot leads to the sales group's reps in turn and support tickets to the agent
        Descriptor served = descriptor.withQueues(descriptor.queues().stream().map(q -> switch (q.key()) {
            case "hot_leads" -> q.withOwner(QueueDef.Owner.roundRobin(List.of(REP)));
            case "support" -> q.withOwner(QueueDef.Owner.user(AGENT));
            default -> q;
        }).toList());
        harness = ServerHarness.start(served, RtTestSupport.rtUrl(), RtTestSupport.rtToken(),
                "http://127.0.0.1:" + graph.getPort(), Map.of());

        String leadSender = "6541" + run + "00031";
        String supportSender = "6541" + run + "00032";
        profile(leadSender, "Léa Dubois", "lea.dubois");
        profile(supportSender, "Marc Lefèvre", "marc.lfv");
        post(dm(leadSender, "m1", "Bonjour ! Je viens de voir votre pub : je voudrais commander 20 coffrets pour mon "
                + "équipe, vous faites un tarif pro ? Livraison possible avant le 20 ?",
                "utm_source=instagram&utm_medium=paid_social&utm_campaign=black_friday_2026"));
        post(dm(supportSender, "m2", "Bonjour, ma commande 48213 n'est toujours pas arrivée et je n'ai aucun numéro "
                + "de suivi. Vous pouvez regarder ?", null));
        post(comment("6541" + run + "00033", "troll.account", "bande d'escrocs je vais vous retrouver"));
        lead = awaitTicket(leadSender);
        support = awaitTicket(supportSender);
        hidden = awaitTicket("6541" + run + "00033");
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @Order(1)
    void aSalesRepSeesTheNamedLeadWithGroupedFieldsLinksAndTheirDashboard() throws Exception {
        JsonNode ticket = RtTestSupport.get("/ticket/" + lead.id());
        assertEquals(queue("hot_leads"), queueName(ticket), "the lead's queue");
        try (Browser b = Browser.open()) {
            b.loginToRt(RtTestSupport.rtUrl(), REP, PASSWORD);
            b.get(RtTestSupport.rtUrl() + "/Ticket/Display.html?id=" + lead.id());
            String title = b.waitFor(By.cssSelector("#header h1")).getText();
            assertTrue(title.contains("@lea.dubois [instagram dm]"), title);
            assertBoxes(b, "Conversation", "Understanding", "Lead & attribution");
            WebElement technical = box(b, "Technical");
            assertTrue(technical.getAttribute("class").contains("rolled-up"), "Technical starts collapsed");
            WebElement profileLink = box(b, "Conversation")
                    .findElement(By.cssSelector("a[href='https://www.instagram.com/lea.dubois/']"));
            assertEquals("https://www.instagram.com/lea.dubois/", profileLink.getAttribute("href"));
            String basics = b.waitFor(By.cssSelector(".ticket-info-basics")).getText();
            assertTrue(basics.contains("Hot"), "priority 80 shows as Hot: " + basics);
            String people = b.waitFor(By.cssSelector(".ticket-info-people")).getText();
            assertTrue(people.contains(REP), "the matrix made the rep the owner: " + people);
            assertTrue(box(b, "Lead & attribution").getText().contains("black_friday_2026"));
            b.screenshot("rep-ticket");

            String dashboard = openDashboard(b, "Social Sales");
            assertTrue(dashboard.contains("My hot leads"), dashboard);
            assertTrue(b.all(By.cssSelector("a[href*='Ticket/Display.html?id=" + lead.id() + "']")).size() > 0,
                    "the rep's hot lead is on their dashboard");
            b.screenshot("rep-dashboard");
            assertFalse(dashboards(b).contains("Social Admins"), "a rep does not see the admins' dashboard");
        }
    }

    @Test
    @Order(2)
    void aSupportAgentSeesTheirTicketAndTheirDashboard() throws Exception {
        try (Browser b = Browser.open()) {
            b.loginToRt(RtTestSupport.rtUrl(), AGENT, PASSWORD);
            b.get(RtTestSupport.rtUrl() + "/Ticket/Display.html?id=" + support.id());
            String title = b.waitFor(By.cssSelector("#header h1")).getText();
            assertTrue(title.contains("@marc.lfv [instagram dm]"), title);
            assertTrue(b.waitFor(By.cssSelector(".ticket-info-people")).getText().contains(AGENT));
            assertBoxes(b, "Conversation", "Understanding");
            b.screenshot("agent-ticket");

            String dashboard = openDashboard(b, "Social Support");
            assertTrue(dashboard.contains("My open social tickets"), dashboard);
            assertTrue(b.all(By.cssSelector("a[href*='Ticket/Display.html?id=" + support.id() + "']")).size() > 0,
                    "the agent's ticket is on their dashboard");
            b.screenshot("agent-dashboard");
        }
        // the agent answers in RT; the answer reaches the customer on Instagram
        String answer = "Bonjour Marc, je regarde votre commande 48213 tout de suite. " + run;
        RtClient asAgent = new RtClient(RtSettings.from(Map.of("base-url", RtTestSupport.rtUrl(), "user", AGENT,
                "password", PASSWORD)));
        asAgent.post("/ticket/" + support.id() + "/correspond", Map.of("Content", answer, "ContentType", "text/plain"));
        ServerHarness.await("the agent's answer sent to Instagram", WAIT, () -> graph.findAll(
                postRequestedFor(urlPathMatching("/v[0-9.]+/[0-9]+/messages"))).stream()
                .anyMatch(r -> r.getBodyAsString().contains(run) && r.getBodyAsString().contains("48213")));
    }

    @Test
    @Order(3)
    void anAdminSeesHidesAwaitingReviewAndTheReportPageWithItsChartsDrawn() throws Exception {
        try (Browser b = Browser.open()) {
            b.loginToRt(RtTestSupport.rtUrl(), ADMIN, PASSWORD);
            String dashboard = openDashboard(b, "Social Admins");
            assertTrue(dashboard.contains("Hides awaiting review"), dashboard);
            assertTrue(b.all(By.cssSelector("a[href*='Ticket/Display.html?id=" + hidden.id() + "']")).size() > 0,
                    "the hidden comment waits for review on the admins' dashboard");
            b.screenshot("admin-dashboard");

            // the same RT session opens the plugin's report page (same host name, so the browser sends RT's cookie)
            b.get(harness.base + "admin/reports?days=7&lang=fr");
            b.waitFor(By.cssSelector("body#reports"));
            assertEquals("fr", b.waitFor(By.cssSelector("html")).getAttribute("lang"));
            for (String chart : List.of("frt", "sla", "automation", "campaigns", "moderation")) {
                b.waitFor(By.cssSelector("section#card-" + chart));
                b.waitFor(By.cssSelector("a#csv-" + chart));
            }
            for (String chart : List.of("frt", "automation", "campaigns")) {
                WebElement canvas = b.waitFor(By.cssSelector("canvas#chart-" + chart + "[data-rendered]"));
                assertEquals("true", canvas.getAttribute("data-rendered"), chart + ": " + canvas.getAttribute("data-error"));
                assertTrue(Integer.parseInt(canvas.getAttribute("data-points")) > 0, chart + " has points");
            }
            b.screenshot("reports");
        }
    }

    // ---------------------------------------------------------------- RT and platform set-up

    /** A privileged RT user with a password, member of {@code group} (created, or reset when a run left it). */
    private static void user(String name, String realName, String group) {
        Map<String, Object> fields = Map.of("Name", name, "RealName", realName, "Password", PASSWORD,
                "Privileged", 1, "EmailAddress", name + "@example.com", "Disabled", 0);
        JsonNode found = RtTestSupport.post("/users", List.of(Map.of("field", "Name", "value", name)));
        if (found.path("count").asInt() == 0) {
            RtTestSupport.post("/user", fields);
        } else {
            Map<String, Object> update = new HashMap<>(fields);   // REST2 cannot change a password: set at creation
            update.remove("Password");
            RtTestSupport.put("/user/" + name, update);
        }
        String userId = RtTestSupport.get("/user/" + name).path("id").asText();
        JsonNode groups = RtTestSupport.post("/groups", List.of(Map.of("field", "Name", "value", group)));
        String groupId = groups.path("items").path(0).path("id").asText();
        assertFalse(groupId.isEmpty(), "install created group " + group);
        RtTestSupport.put("/group/" + groupId + "/members", List.of(Integer.parseInt(userId)));
    }

    private static void profile(String igsid, String name, String username) {
        graph.stubFor(get(urlPathMatching("/v[0-9.]+/" + igsid)).atPriority(1)
                .willReturn(okJson("{\"name\":\"" + name + "\",\"username\":\"" + username + "\",\"id\":\"" + igsid + "\"}")));
    }

    private static void post(String body) throws Exception {
        assertEquals(200, harness.postWebhook(body).statusCode());
    }

    /** An Instagram DM as Meta sends it, with an ad referral when {@code ref} is given. */
    private static String dm(String sender, String mid, String text, String ref) {
        String referral = ref == null ? "" : ", \"referral\": {\"ref\": \"" + ref + "\", \"ad_id\": \"1202" + run
                + "71\", \"source\": \"ADS\", \"type\": \"OPEN_THREAD\"}";
        return "{\"object\": \"instagram\", \"entry\": [{\"id\": \"" + ServerHarness.IG_ACCOUNT + "\", \"time\": "
                + System.currentTimeMillis() + ", \"messaging\": [{\"sender\": {\"id\": \"" + sender + "\"}, "
                + "\"recipient\": {\"id\": \"" + ServerHarness.IG_ACCOUNT + "\"}, \"timestamp\": " + System.currentTimeMillis()
                + ", \"message\": {\"mid\": \"aWdfbWlk-" + mid + "-" + run + "\", \"text\": \"" + text + "\"" + referral
                + "}}]}]}";
    }

    /** A comment on an Instagram post as Meta sends it. */
    private static String comment(String from, String username, String text) {
        return "{\"object\": \"instagram\", \"entry\": [{\"id\": \"" + ServerHarness.IG_ACCOUNT + "\", \"time\": "
                + System.currentTimeMillis() / 1000 + ", \"changes\": [{\"field\": \"comments\", \"value\": {\"from\": {\"id\": \""
                + from + "\", \"username\": \"" + username + "\"}, \"media\": {\"id\": \"1791" + run
                + "021\", \"media_product_type\": \"FEED\"}, \"id\": \"1789" + run + "011\", \"text\": \"" + text + "\"}}]}]}";
    }

    private static TicketRef awaitTicket(String sender) throws InterruptedException {
        TicketRef[] found = new TicketRef[1];
        ServerHarness.await("ticket of " + sender, WAIT, () -> {
            List<TicketRef> t = rt.findTicketsByField(FieldKeys.SOCIAL_USER_ID, sender, 1);
            found[0] = t.isEmpty() ? null : t.get(0);
            return found[0] != null;
        });
        return found[0];
    }

    // ---------------------------------------------------------------- what the browser shows

    private static String queue(String key) {
        return descriptor.queues().stream().filter(q -> q.key().equals(key)).findFirst().orElseThrow().label();
    }

    private static String queueName(JsonNode ticket) {
        return RtTestSupport.get("/queue/" + ticket.path("Queue").path("id").asText()).path("Name").asText();
    }

    /** The ticket page's box of the custom-field grouping {@code title}. */
    private static WebElement box(Browser b, String title) {
        String css = ".titlebox.ticket-info-cfs-" + title.replaceAll("[^A-Za-z0-9_-]", "_");
        return b.waitFor(By.cssSelector(css));
    }

    private static void assertBoxes(Browser b, String... titles) {
        for (String title : titles) {
            WebElement box = box(b, title);
            assertTrue(box.findElement(By.cssSelector(".titlebox-title")).getText().contains(title), title);
        }
    }

    /** The names of the dashboards the logged-in user may open. */
    private static String dashboards(Browser b) {
        b.get(RtTestSupport.rtUrl() + "/Dashboards/index.html");
        return b.waitFor(By.cssSelector("#body")).getText();
    }

    /** Opens the dashboard named {@code name} from RT's list and returns its text once its searches are shown. */
    private static String openDashboard(Browser b, String name) {
        dashboards(b);
        b.waitFor(By.linkText(name)).click();
        b.waitFor(By.cssSelector(".dashboard, #body .titlebox"));
        return b.waitFor(By.cssSelector("#body")).getText();
    }
}

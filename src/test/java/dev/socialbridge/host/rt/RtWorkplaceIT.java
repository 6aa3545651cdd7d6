package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.ProvisioningPlan;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The workplace install sets in the live RT, as a rep sees it: a social ticket's fields in titled boxes with the
 * technical one collapsed, its empty fields left out (editing lists them), its priority named, while a General
 * ticket still shows its empty fields; a second install changes nothing; uninstall removes it all (the ticket
 * keeps its values) and leaves another queue's grouping alone; install puts it back. On the unique descriptor the
 * JVM's ITs share ({@link RtTestSupport#installedDescriptor()}), whose queues and fields exist already: the workplace
 * part of install runs alone here ({@code RtProvisioningIT} checks that install runs it), which keeps this test to
 * seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RtWorkplaceIT {
    private static final Path CALLBACK = Path.of("/usr/local/share/request-tracker5/html/Callbacks/SocialBridge/"
            + "Elements/ShowCustomFieldCustomGroupings/TitleBox");
    private static final Path HIDE_EMPTY = CALLBACK.getParent().resolveSibling("ShowCustomFields/MassageCustomFields");
    /** A grouping of RT's own General queue, as a site would have it, that install and uninstall must keep. */
    private static final String GENERAL_BOX = "[\"Site Box\",[\"Site Field\"]]";

    private static Descriptor descriptor;
    private static HostAdapter adapter;
    private static String hotLeads;
    private static String ticketId;

    private static RtWorkplace workplace;

    @BeforeAll
    static void installWithASiteGroupingForGeneral() {
        descriptor = RtTestSupport.installedDescriptor();
        adapter = RtTestSupport.adapter(descriptor);
        workplace = new RtWorkplace(RtApplyHelper.forSettings(RtSettings.from(RtTestSupport.settings()),
                RtTestSupport.helperEnvironment()));
        hotLeads = descriptor.queue("hot_leads").orElseThrow().label();
        adapter.uninstall(descriptor);   // installed with the queues: start from RT without it
        config("set", "CustomFieldGroupings", "RT::Ticket", "General", GENERAL_BOX);

        ProvisioningPlan plan = install(true);

        assertEquals(List.of("field-groupings CREATED", "priority-names CREATED", "collapsed-groups CREATED",
                "hidden-empty-fields CREATED"),
                workplace(plan), plan::toString);
    }

    /** The site's own grouping goes; the workplace stays installed (test 7) for the ITs after this one. */
    @AfterAll
    static void cleanUp() {
        config("unset", "CustomFieldGroupings", "RT::Ticket", "General");
    }

    /** The workplace part of install ({@code write}) or of its dry run and verify. */
    private static ProvisioningPlan install(boolean write) {
        RtProvisioningContext ctx = new RtProvisioningContext(RtTestSupport.client(), null, write, "root");
        workplace.provision(ctx, descriptor);
        return RtProvisioner.plan(ctx.findings);
    }

    /** What verify reports of the workplace (the problems of the dry run's findings). */
    private static List<String> verifyProblems() {
        RtProvisioningContext ctx = new RtProvisioningContext(RtTestSupport.client(), null, false, "root");
        workplace.provision(ctx, descriptor);
        return ctx.findings.stream().map(RtFinding::problem).filter(java.util.Objects::nonNull)
                .map(p -> p.subject() + ": " + p.message()).toList();
    }

    @Test
    @Order(1)
    void everySocialQueueGetsTheGroupingsAndPriorityNamesAndGeneralKeepsItsOwn() {
        JsonNode config = effective();
        JsonNode groupings = config.path("CustomFieldGroupings").path("RT::Ticket");
        JsonNode priorities = config.path("PriorityAsString");
        for (QueueDef queue : descriptor.queues()) {
            JsonNode boxes = groupings.path(queue.label());
            assertEquals(List.of("Conversation", "Understanding", "Lead & attribution", "Moderation", "Technical"),
                    titles(boxes), queue.label());
            assertTrue(boxes.get(9).toString().contains("Social Thread Key" + RtTestSupport.suffixOf(descriptor)),
                    boxes::toString);
            assertEquals("[\"Low\",0,\"Normal\",30,\"High\",60,\"Hot\",80,\"Urgent\",90]",
                    priorities.path(queue.label()).toString());
        }
        assertEquals(GENERAL_BOX, groupings.path("General").toString());
        assertTrue(callbackSource().contains("'" + hotLeads + "' => { 'Technical' => 1 },"), CALLBACK::toString);
        assertTrue(read(HIDE_EMPTY).contains("'" + hotLeads + "' => { 'Conversation' => 1, "), HIDE_EMPTY::toString);
    }

    @Test
    @Order(2)
    void aRepSeesTheFieldsInBoxesTheTechnicalOneCollapsedAndThePriorityNamed() throws Exception {
        ticketId = createTicket();

        String page = ticketPage(ticketId);

        assertFalse(boxClass(page, "Conversation").contains("rolled-up"), () -> boxClass(page, "Conversation"));
        assertTrue(boxClass(page, "Lead___attribution").startsWith("titlebox"), "a Lead & attribution box");
        assertTrue(boxClass(page, "Technical").contains("rolled-up"), () -> boxClass(page, "Technical"));
        assertTrue(page.contains(">Hot</span>"), "priority 80 shows as Hot");
    }

    @Test
    @Order(3)
    void aRepSeesOnlyTheFieldsWithAValueAndEditingStillListsThemAll() throws Exception {
        JsonNode ticket = RtTestSupport.get("/ticket/" + ticketId);

        String page = ticketPage(ticketId);

        assertTrue(page.contains(showRow(ticket, "Campaign Tag")), "a filled field is shown");
        assertTrue(page.contains(showRow(ticket, "Social Channel")), "a filled field is shown");
        assertFalse(page.contains(showRow(ticket, "Lead Budget")), "an empty field is left out");
        assertFalse(page.contains(showRow(ticket, "Social Handle")), "an empty field is left out");
        String suffix = RtTestSupport.suffixOf(descriptor);
        for (JsonNode cf : ticket.path("CustomFields")) {   // the descriptor's fields; a site's own are left as they are
            if (cf.path("name").asText().endsWith(suffix)) {
                String row = "CF-" + cf.path("id").asText() + "-ShowRow";
                assertEquals(!cf.path("values").isEmpty(), page.contains(row), cf.path("name").asText());
            }
        }
        assertTrue(boxClass(page, "Moderation").startsWith("titlebox"), "a box of empty fields keeps its edit pencil");
        String edit = page("/Ticket/Modify.html?id=" + ticketId);
        assertTrue(edit.contains("Lead Budget" + RtTestSupport.suffixOf(descriptor)), "editing lists the empty field");
    }

    @Test
    @Order(4)
    void aGeneralTicketStillShowsItsEmptyFields() throws Exception {
        ObjectNode body = RtClient.JSON.createObjectNode().put("Queue", "General").put("Subject", "workplace IT general");
        String id = RtTestSupport.post("/ticket", body).path("id").asText();
        JsonNode ticket = RtTestSupport.get("/ticket/" + id);
        String emptyHere = null;
        for (JsonNode cf : ticket.path("CustomFields")) {
            if (cf.path("values").isEmpty()) {
                emptyHere = "CF-" + cf.path("id").asText() + "-ShowRow";
                break;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(emptyHere != null, "no custom field applies to General here");

        String page = page("/Ticket/Display.html?id=" + id);

        assertTrue(page.contains(emptyHere), "General's empty field is shown: " + emptyHere);
        assertTrue(page.contains("(no value)"), "General shows '(no value)'");
    }

    @Test
    @Order(5)
    void aSecondInstallFindsEverythingInPlaceAndChangesNothing() {
        String before = effective() + " " + callbackSource();

        ProvisioningPlan plan = install(true);

        assertEquals(List.of("field-groupings PRESENT", "priority-names PRESENT", "collapsed-groups PRESENT",
                "hidden-empty-fields PRESENT"),
                workplace(plan));
        assertEquals(before, effective() + " " + callbackSource());
        assertEquals(List.of(), verifyProblems());
    }

    @Test
    @Order(6)
    void uninstallRemovesTheWorkplaceOnlyAndTheTicketKeepsItsValues() throws Exception {
        ProvisioningPlan dryRun = adapter.uninstallPlan(descriptor);
        assertEquals(List.of("field-groupings REMOVE", "priority-names REMOVE", "collapsed-groups REMOVE",
                "hidden-empty-fields REMOVE"),
                workplace(dryRun));
        assertTrue(effective().path("PriorityAsString").has(hotLeads), "the dry run changed nothing");

        ProvisioningPlan plan = adapter.uninstall(descriptor);

        assertEquals(List.of("field-groupings REMOVED", "priority-names REMOVED", "collapsed-groups REMOVED",
                "hidden-empty-fields REMOVED"),
                workplace(plan));
        JsonNode config = effective();
        JsonNode groupings = config.path("CustomFieldGroupings").path("RT::Ticket");
        for (QueueDef queue : descriptor.queues()) {
            assertFalse(groupings.has(queue.label()), queue.label());
            assertFalse(config.path("PriorityAsString").has(queue.label()), queue.label());
        }
        assertEquals(GENERAL_BOX, groupings.path("General").toString(), "the site's own grouping stays");
        assertFalse(callbackSource().contains("'" + hotLeads + "'"), "callback still names " + hotLeads);
        assertFalse(read(HIDE_EMPTY).contains("'" + hotLeads + "'"), "hide-empty callback still names " + hotLeads);
        JsonNode ticket = RtTestSupport.get("/ticket/" + ticketId);
        assertEquals(hotLeads, queueName(ticket));
        assertEquals("instagram", fieldValue(ticket, "Social Channel"));
        assertEquals("ig:thread-workplace-it", fieldValue(ticket, "Social Thread Key"));
        String page = ticketPage(ticketId);
        assertFalse(page.contains("ticket-info-cfs-Technical"), "no Technical box after uninstall");
        assertTrue(page.contains("ig:thread-workplace-it"), "the field values are still on the page");
        assertTrue(page.contains(showRow(ticket, "Lead Budget")), "the empty fields are back");
        assertTrue(page.contains("unset-field"), "RT draws the empty fields as unset again");
        assertEquals(List.of("field-groupings ABSENT", "priority-names ABSENT", "collapsed-groups ABSENT",
                "hidden-empty-fields ABSENT"),
                workplace(adapter.uninstall(descriptor)), "a second uninstall finds nothing to remove");
        List<String> problems = verifyProblems();
        assertEquals(4, problems.size(), () -> "verify reports the missing workplace: " + problems);
    }

    @Test
    @Order(7)
    void installPutsItBack() throws Exception {
        ProvisioningPlan plan = install(true);

        assertEquals(List.of("field-groupings CREATED", "priority-names CREATED", "collapsed-groups CREATED",
                "hidden-empty-fields CREATED"),
                workplace(plan));
        String page = ticketPage(ticketId);
        assertTrue(boxClass(page, "Technical").contains("rolled-up"));
        assertFalse(page.contains(showRow(RtTestSupport.get("/ticket/" + ticketId), "Lead Budget")),
                "the empty fields are left out again");
        assertEquals(GENERAL_BOX, effective().path("CustomFieldGroupings").path("RT::Ticket").path("General").toString());
    }

    private static List<String> workplace(ProvisioningPlan plan) {
        return plan.steps().stream().filter(s -> RtWorkplace.KIND.equals(s.kind()))
                .map(s -> s.key() + " " + s.status()).toList();
    }

    private static List<String> titles(JsonNode boxes) {
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < boxes.size(); i += 2) {
            titles.add(boxes.get(i).asText());
        }
        return titles;
    }

    private static String createTicket() {
        String suffix = RtTestSupport.suffixOf(descriptor);
        ObjectNode body = RtClient.JSON.createObjectNode().put("Queue", hotLeads).put("Subject", "workplace IT")
                .put("Priority", 80);
        body.putObject("CustomFields").put("Social Channel" + suffix, "instagram")
                .put("Social Thread Key" + suffix, "ig:thread-workplace-it")
                .put("Campaign Tag" + suffix, "spring");
        return RtTestSupport.post("/ticket", body).path("id").asText();
    }

    private static String queueName(JsonNode ticket) {
        return RtTestSupport.get("/queue/" + ticket.path("Queue").path("id").asText()).path("Name").asText();
    }

    private static String fieldValue(JsonNode ticket, String name) {
        String label = name + RtTestSupport.suffixOf(descriptor);
        for (JsonNode cf : ticket.path("CustomFields")) {
            if (label.equals(cf.path("name").asText())) {
                return cf.path("values").path(0).asText();
            }
        }
        return null;
    }

    /** The class attribute of a custom field box (RT's titlebox {@code ticket-info-cfs-<title>}) of the ticket page. */
    private static String boxClass(String page, String cssTitle) {
        Matcher m = Pattern.compile("class=\"(titlebox [^\"]*ticket-info-cfs-" + cssTitle + "\\b[^\"]*)\"").matcher(page);
        return m.find() ? m.group(1) : "(no box " + cssTitle + ")";
    }

    /** The id of the row RT's ShowCustomFields draws for a field of the ticket ({@code CF-<id>-ShowRow}). */
    private static String showRow(JsonNode ticket, String name) {
        String label = name + RtTestSupport.suffixOf(descriptor);
        for (JsonNode cf : ticket.path("CustomFields")) {
            if (label.equals(cf.path("name").asText())) {
                return "CF-" + cf.path("id").asText() + "-ShowRow";
            }
        }
        throw new AssertionError("no field " + label + " on the ticket");
    }

    /** The ticket's display page as root sees it in a browser (RT's login form, then the page). */
    private static String ticketPage(String id) throws IOException, InterruptedException {
        String page = page("/Ticket/Display.html?id=" + id);
        assertTrue(page.contains("workplace IT"), "not the ticket page (login refused?)");
        return page;
    }

    /** A page of RT's web UI as root sees it in a browser (RT's login form, then the page). */
    private static String page(String path) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        Map.Entry<String, String> login = RtTestSupport.rtLogin();
        String form = "user=" + URLEncoder.encode(login.getKey(), StandardCharsets.UTF_8) + "&pass="
                + URLEncoder.encode(login.getValue(), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(RtTestSupport.rtUrl() + "/NoAuth/Login.html"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create(RtTestSupport.rtUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), path);
        return page.body();
    }

    private static String callbackSource() {
        return read(CALLBACK);
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * {@code CustomFieldGroupings} and {@code PriorityAsString} as a fresh RT process sees them (site config files and
     * database rows), by option name.
     */
    private static JsonNode effective() {
        try {
            return RtClient.JSON.readTree(config("show", "CustomFieldGroupings", "PriorityAsString"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String config(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("perl", "test-fixtures/rt/rt-test-config.pl"));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> env = new HashMap<>(System.getenv());
            env.putAll(helperEnvironment());
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                fail("rt-test-config.pl " + String.join(" ", args) + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> helperEnvironment() {
        return RtTestSupport.helperEnvironment();
    }
}

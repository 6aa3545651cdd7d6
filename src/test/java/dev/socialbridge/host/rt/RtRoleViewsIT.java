package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldKeys;
import dev.socialbridge.host.spi.HostProblem;
import dev.socialbridge.host.spi.ProvisioningPlan;
import dev.socialbridge.host.spi.ProvisioningPlan.Status;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Role groups, their rights, saved searches and dashboards on the live RT: install, what a member of each group sees
 * (the searches' TicketSQL run as the member, the dashboard rendered in RT's web UI), a second install that changes
 * nothing, remove, and a re-install that is left in place. Also the plugin user's rights as verify reports them. The
 * queues and fields are the shared {@link RtTestSupport#installedDescriptor()}; the views are provisioned as
 * RtProvisioner does (its last step), without re-reading every field.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RtRoleViewsIT {
    private static final String PREFIX = "Social";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static Descriptor descriptor;
    private static RtApplyHelper helper;
    private static RtRoleViews views;

    @BeforeAll
    static void install() {
        descriptor = RtTestSupport.installedDescriptor();   // queues and fields, without role views
        Map<String, String> settings = Map.of(RtSettings.BASE_URL, RtTestSupport.rtUrl(), RtSettings.TOKEN,
                RtTestSupport.rtToken());
        RtSettings rt = RtSettings.from(settings);
        helper = RtApplyHelper.forSettings(rt, RtTestSupport.helperEnvironment());
        views = new RtRoleViews(helper, rt.roleGroups(), rt.contactGroup(), rt.apiUserRef().orElseThrow());
    }

    @Test
    @Order(1)
    void installCreatesOrUpdatesTheRoleViewsAndASecondInstallChangesNothing() {
        ProvisioningPlan.Step first = provision(true);
        assertTrue(first.status() == Status.CREATED || first.status() == Status.PRESENT, first::toString);
        assertEquals(PREFIX + " Sales, " + PREFIX + " Support, " + PREFIX + " Admins", first.label());

        ProvisioningPlan.Step again = provision(true);

        assertEquals(Status.PRESENT, again.status(), again::toString);
        assertEquals(Status.PRESENT, provision(false).status());
        String check = helper("--check");
        assertFalse(check.contains("missing:"), check);
        assertTrue(check.contains("already: group Social Sales has ReplyToTicket on queue " + queue("hot_leads")), check);
        assertFalse(check.contains("already: group Social Sales has StealTicket"), check);
        assertTrue(check.contains("already: group Social Admins has StealTicket on queue " + queue("hot_leads")), check);
    }

    @Test
    @Order(2)
    void eachSavedSearchIsValidTicketSqlForAMemberOfItsGroup() {
        for (JsonNode role : views.spec(descriptor).path("roles")) {
            String group = role.path("group").asText();
            RtClient member = member(group);
            for (JsonNode search : role.path("searches")) {
                String query = search.path("content").path("Query").asText();
                JsonNode result = member.get("/tickets?per_page=1&query=" + RtClient.queryValue(query));
                assertTrue(result.has("total"), () -> group + " / " + search.path("name").asText() + ": " + result);
            }
        }
    }

    @Test
    @Order(3)
    void myHotLeadsListsTheMembersTicketsInHotLeadsOrWithAHighScore() {
        String sales = PREFIX + " Sales";
        RtClient member = member(sales);
        String owner = memberName(sales);
        String score = RtRoles.label(descriptor, FieldKeys.LEAD_SCORE);
        String hot = ticket(queue("hot_leads"), owner, Map.of());
        String high = ticket(queue("vip_partners"), owner, Map.of(score, "85"));
        String hundred = ticket(queue("vip_partners"), owner, Map.of(score, "100"));
        String low = ticket(queue("vip_partners"), owner, Map.of(score, "9"));
        String below = ticket(queue("vip_partners"), owner, Map.of(score, "69"));

        List<String> ids = ids(member, searchQuery(sales, "My hot leads"));

        assertTrue(ids.containsAll(List.of(hot, high, hundred)), ids::toString);
        assertFalse(ids.contains(low), ids::toString);
        assertFalse(ids.contains(below), ids::toString);
    }

    @Test
    @Order(4)
    void eachDashboardRendersForAMemberWithItsSearches() throws Exception {
        String check = helper("--check");
        for (JsonNode role : views.spec(descriptor).path("roles")) {
            String group = role.path("group").asText();
            String id = id(check, "dashboard '" + group + "' of group " + group);
            member(group);
            String page = webPage(memberName(group), "/Dashboards/" + id + "/" + group.replace(' ', '-'));
            for (JsonNode search : role.path("searches")) {
                assertTrue(page.contains(search.path("name").asText()), () -> group + " dashboard lacks "
                        + search.path("name").asText() + ":\n" + page);
            }
            assertFalse(page.contains("not found"), page);
            assertFalse(page.contains("Permission Denied"), page);
        }
    }

    @Test
    @Order(5)
    void removeTakesTheViewsAwayAndAReinstallBringsThemBack() {
        RtApplyHelper.Result removed = views.remove(descriptor);

        assertTrue(removed.applied(), removed::output);
        assertTrue(removed.output().contains("ok: removed dashboard 'Social Sales'"), removed.output());
        assertTrue(removed.output().contains("ok: disabled group Social Admins"), removed.output());
        assertTrue(helper("--check").contains("missing: group Social Sales is disabled"));
        assertEquals("1", group(PREFIX + " Support").path("Disabled").asText());
        RtApplyHelper.Result again = views.remove(descriptor);
        assertTrue(again.applied() && !again.output().contains("ok:"), again::output);

        assertEquals(Status.CREATE, provision(false).status());
        ProvisioningPlan.Step reinstalled = provision(true);

        assertEquals(Status.CREATED, reinstalled.status(), reinstalled::toString);
        assertEquals("0", group(PREFIX + " Support").path("Disabled").asText());
        assertFalse(helper("--check").contains("missing:"));
    }

    @Test
    @Order(6)
    void verifyWarnsThatRootHasMoreRightsThanThePluginNeeds() {
        List<HostProblem> rights = views.pluginRights(descriptor);

        assertEquals(1, rights.size(), rights::toString);
        assertTrue(rights.get(0).warning());
        assertTrue(rights.get(0).message().contains("SuperUser"), rights.get(0)::toString);
        assertTrue(rights.get(0).fixHint().contains("--grant-plugin"), rights.get(0)::fixHint);
    }

    @Test
    @Order(7)
    void aUserGrantedWithGrantPluginHasEveryRightItNeedsAndNoneMore() {
        String name = "sb-plugin-it-" + RUN;
        String id = createUser(name).path("id").asText();
        RtRoleViews forUser = new RtRoleViews(helper, Optional.of(PREFIX), Optional.of("Social Contacts"), id);
        List<HostProblem> before = forUser.pluginRights(descriptor);
        assertEquals(1, before.size(), before::toString);
        assertFalse(before.get(0).warning());
        assertTrue(before.get(0).message().contains("right(s) missing"), before.get(0)::toString);

        String granted = run("--spec", forUser.specFile(descriptor), "--grant-plugin", id);

        assertTrue(granted.contains("ok: user " + name + " granted AdminUsers on RT (global)"), granted);
        assertEquals(List.of(), forUser.pluginRights(descriptor));
        assertFalse(run("--spec", forUser.specFile(descriptor), "--grant-plugin", id).contains("ok:"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The role-views step of an install ({@code write}) or dry run: what RtProvisioner adds to its plan. */
    private static ProvisioningPlan.Step provision(boolean write) {
        RtProvisioningContext ctx = new RtProvisioningContext(RtTestSupport.client(), helper, write, "root");
        views.provision(ctx, descriptor);
        assertEquals(1, ctx.findings.size(), ctx.findings::toString);
        return ctx.findings.get(0).step();
    }

    private static String queue(String key) {
        return descriptor.queue(key).orElseThrow().label();
    }

    private static String searchQuery(String group, String name) {
        for (JsonNode role : views.spec(descriptor).path("roles")) {
            for (JsonNode search : role.path("searches")) {
                if (role.path("group").asText().equals(group) && search.path("name").asText().equals(name)) {
                    return search.path("content").path("Query").asText();
                }
            }
        }
        throw new AssertionError("no search " + name + " of " + group);
    }

    private static String memberName(String group) {
        return "sb-" + group.toLowerCase().replace(' ', '-') + "-" + RUN;
    }

    private static String password(String name) {
        return "pw-" + name;
    }

    /** A privileged member of {@code group} (created once per run), acting over REST2 with its password. */
    private static RtClient member(String group) {
        String name = memberName(group);
        if (RtTestSupport.client().find("/user/" + RtClient.segment(name)).isEmpty()) {
            String uid = createUser(name).path("id").asText();
            RtTestSupport.client().put("/group/" + group(group).path("id").asText() + "/members", List.of(Long.parseLong(uid)));
        }
        return new RtClient(RtSettings.from(Map.of(RtSettings.BASE_URL, RtTestSupport.rtUrl(), RtSettings.USER, name,
                RtSettings.PASSWORD, password(name))));
    }

    private static JsonNode createUser(String name) {
        ObjectNode body = RtClient.JSON.createObjectNode().put("Name", name).put("Password", password(name))
                .put("Privileged", 1).put("EmailAddress", name + "@example.test");
        String id = RtTestSupport.client().post("/user", body).path("id").asText();
        return RtTestSupport.get("/user/" + id);
    }

    private static JsonNode group(String name) {
        ArrayNode query = RtClient.JSON.createArrayNode();
        query.addObject().put("field", "Name").put("value", name);
        String id = RtTestSupport.client().post("/groups?per_page=1&find_disabled_rows=1", query).path("items").path(0)
                .path("id").asText();
        return RtTestSupport.get("/group/" + id);
    }

    private static String ticket(String queue, String owner, Map<String, String> fields) {
        ObjectNode body = RtClient.JSON.createObjectNode().put("Queue", queue).put("Subject", "role views it " + RUN)
                .put("Owner", owner);
        ObjectNode cfs = body.putObject("CustomFields");
        fields.forEach(cfs::put);
        return RtTestSupport.client().post("/ticket", body).path("id").asText();
    }

    private static List<String> ids(RtClient as, String query) {
        List<String> ids = new ArrayList<>();
        as.get("/tickets?per_page=100&query=" + RtClient.queryValue(query + " AND Subject = 'role views it " + RUN + "'"))
                .path("items").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    /** The id in a helper line such as {@code already: dashboard 'X' of group X (id 12)}. */
    private static String id(String output, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what) + " \\(id (\\d+)\\)").matcher(output);
        assertTrue(m.find(), () -> what + " not in " + output);
        return m.group(1);
    }

    /** A page of RT's web UI as {@code user}, logged in with its password like a browser. */
    private static String webPage(String user, String path) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&pass="
                + URLEncoder.encode(password(user), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(RtTestSupport.rtUrl() + "/NoAuth/Login.html"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(RtTestSupport.rtUrl() + path.replace(" ", "%20")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page::body);
        assertTrue(page.body().contains("Logged in as"), "not logged in as " + user);
        return page.body();
    }

    private static String helper(String mode) {
        return run("--spec", views.specFile(descriptor), mode);
    }

    private static String run(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("perl", "plugin/rt/" + RtApplyHelper.ROLES_SCRIPT));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(RtTestSupport.helperEnvironment());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.socialbridge.host.rt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.ProvisioningPlan.Status;
import dev.socialbridge.host.spi.ProvisioningPlan.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provisioning diff against a stubbed RT: what is created, kept, or reported as a conflict. */
class RtProvisionerTest {
    private static final String HELPER = "/opt/social-bridge/rt/rt-apply-cf.pl";
    private static final Descriptor DESCRIPTOR = new Descriptor("social-bridge", "0.1.0", List.of("tickets"),
            List.of(new FieldDef("social_channel", "Social Channel", "select", "ticket", List.of("instagram", "x"), false,
                            "channel"),
                    new FieldDef("thread_key", "Social Thread Key", "text", "ticket", List.of(), true, "thread"),
                    new FieldDef("social_profile", "Social Profile", "text", "user", List.of(), false, "profile"),
                    new FieldDef("social_message_id", "Social Message ID (txn)", "text", "transaction", List.of(),
                            false, "message")),
            List.of(new QueueDef("support", "Social Support", "Support", 50, new QueueDef.Sla(30, 240))),
            List.of());

    @RegisterExtension
    static WireMockExtension rt = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private RtProvisioner provisioner() {
        RtClient client = new RtClient(RtSettings.from(Map.of("base-url", rt.baseUrl(), "token", "1-14-abc")));
        RtApplyHelper unavailableHelper = new RtApplyHelper(false, "127.0.0.1", Map.of(), Optional.of(Path.of(HELPER)));
        return new RtProvisioner(client, unavailableHelper, "14", Optional.empty());
    }

    @Test
    void withoutTheHelperHereInstallGivesTheCommandThatGrantsTheContactsTheirRights() {
        rt.stubFor(get("/REST/2.0/queue/Social%20Support").willReturn(notFound()));
        rt.stubFor(post(urlPathEqualTo("/REST/2.0/customfields")).willReturn(okJson("{\"total\":0,\"items\":[]}")));
        RtClient client = new RtClient(RtSettings.from(Map.of("base-url", rt.baseUrl(), "token", "1-14-abc")));
        RtApplyHelper unavailableHelper = new RtApplyHelper(false, "127.0.0.1", Map.of(), Optional.of(Path.of(HELPER)));
        RtProvisioner provisioner = new RtProvisioner(client, unavailableHelper, "14", Optional.of("Social Contacts"));

        List<Step> steps = steps(provisioner.inspect(DESCRIPTOR));

        Step rights = steps.get(steps.size() - 1);
        assertEquals("contact-rights contacts CREATE", summary(List.of(rights)).get(0));
        assertTrue(rights.detail().endsWith("run on the RT host: perl /opt/social-bridge/rt/rt-grant-contacts.pl"
                + " 'Social Contacts' --admin 14 --queue 'Social Support' --ticket-cf 'Social Channel' --ticket-cf"
                + " 'Social Thread Key' --txn-cf 'Social Message ID (txn)'"), rights.detail());
        assertOnlyReads();
    }

    @Test
    void dryRunOnAnEmptyRtProposesEverythingAndOnlyReads() {
        rt.stubFor(get("/REST/2.0/queue/Social%20Support").willReturn(notFound()));
        rt.stubFor(post(urlPathEqualTo("/REST/2.0/customfields")).willReturn(okJson("{\"total\":0,\"items\":[]}")));

        List<Step> steps = steps(provisioner().inspect(DESCRIPTOR));

        assertEquals(List.of("queue support CREATE", "ticket-field social_channel CREATE",
                "field-value social_channel=instagram CREATE", "field-value social_channel=x CREATE",
                "ticket-field thread_key CREATE", "user-field social_profile CREATE",
                "transaction-field social_message_id CREATE"), summary(steps));
        assertTrue(steps.get(5).detail().endsWith("then an admin must run: perl " + HELPER
                + " 'Social Profile' RT::User global"), steps.get(5).detail());
        assertOnlyReads();
    }

    @Test
    void installKeepsWhatExistsAndAddsOnlyTheMissingSelectValue() {
        stubQueue("{\"id\":\"3\",\"Name\":\"Social Support\",\"Disabled\":\"0\","
                + "\"TicketCustomFields\":[{\"id\":\"10\",\"name\":\"Social Channel\"},{\"id\":\"11\",\"name\":\"Social Thread Key\"}],"
                + "\"TicketTransactionCustomFields\":[{\"id\":\"13\",\"name\":\"Social Message ID (txn)\"}]}");
        stubField("Social Channel", "10", "{\"id\":10,\"Type\":\"Select\",\"UniqueValues\":\"0\",\"Values\":[\"instagram\"]}");
        stubField("Social Thread Key", "11", "{\"id\":11,\"Type\":\"Freeform\",\"UniqueValues\":\"1\"}");
        stubField("Social Profile", "12", "{\"id\":12,\"Type\":\"Freeform\",\"UniqueValues\":\"0\"}");
        stubField("Social Message ID (txn)", "13", "{\"id\":13,\"Type\":\"Freeform\",\"UniqueValues\":\"0\"}");
        rt.stubFor(get("/REST/2.0/user/14").willReturn(okJson("{\"id\":14,\"CustomFields\":[{\"id\":\"12\",\"name\":\"Social Profile\"}]}")));
        rt.stubFor(post("/REST/2.0/customfield/10/value").willReturn(aResponse().withStatus(201).withBody("{\"id\":\"2\"}")));

        List<Step> steps = steps(provisioner().install(DESCRIPTOR));

        assertEquals(List.of("queue support PRESENT", "ticket-field social_channel PRESENT",
                "field-value social_channel=instagram PRESENT", "field-value social_channel=x CREATED",
                "ticket-field thread_key PRESENT", "user-field social_profile PRESENT",
                "transaction-field social_message_id PRESENT"), summary(steps));
        rt.verify(1, postRequestedFor(urlEqualTo("/REST/2.0/customfield/10/value"))
                .withRequestBody(equalToJson("{\"Name\":\"x\"}")));
    }

    @Test
    void installCreatesMissingFieldsAppliedGloballyAndAsksTheAdminToApplyTheUserField() {
        stubQueue("{\"id\":\"3\",\"Name\":\"Social Support\",\"Disabled\":\"0\",\"TicketCustomFields\":[],"
                + "\"TicketTransactionCustomFields\":[]}");
        rt.stubFor(post(urlPathEqualTo("/REST/2.0/customfields")).willReturn(okJson("{\"total\":0,\"items\":[]}")));
        rt.stubFor(post("/REST/2.0/customfield").willReturn(aResponse().withStatus(201).withBody("{\"id\":\"21\"}")));
        rt.stubFor(post("/REST/2.0/customfield/21/value").willReturn(aResponse().withStatus(201).withBody("{}")));

        List<Step> steps = steps(provisioner().install(DESCRIPTOR));

        assertEquals(List.of("queue support PRESENT", "ticket-field social_channel CREATED",
                "field-value social_channel=instagram CREATED", "field-value social_channel=x CREATED",
                "ticket-field thread_key CREATED", "user-field social_profile CONFLICT",
                "transaction-field social_message_id CONFLICT"), summary(steps));
        assertEquals("perl " + HELPER + " 'Social Profile' RT::User global", steps.get(5).detail());
        assertEquals("perl " + HELPER + " 'Social Message ID (txn)' RT::Queue-RT::Ticket-RT::Transaction global",
                steps.get(6).detail());
        rt.verify(postRequestedFor(urlEqualTo("/REST/2.0/customfield")).withRequestBody(equalToJson(
                "{\"Name\":\"Social Thread Key\",\"Type\":\"Freeform\",\"MaxValues\":1,\"LookupType\":\"RT::Queue-RT::Ticket\","
                        + "\"Description\":\"thread\",\"UniqueValues\":1,\"Queue\":0}")));
        rt.verify(postRequestedFor(urlEqualTo("/REST/2.0/customfield")).withRequestBody(equalToJson(
                "{\"Name\":\"Social Profile\",\"Type\":\"Freeform\",\"MaxValues\":1,\"LookupType\":\"RT::User\","
                        + "\"Description\":\"profile\"}")));
    }

    @Test
    void installCreatesAMissingQueueWithoutTouchingRtsSla() {
        rt.stubFor(get("/REST/2.0/queue/Social%20Support").willReturn(notFound()));
        rt.stubFor(post("/REST/2.0/queue").willReturn(aResponse().withStatus(201).withBody("{\"id\":\"9\"}")));
        rt.stubFor(get("/REST/2.0/queue/9").willReturn(okJson("{\"id\":9,\"TicketCustomFields\":[]}")));
        Descriptor queueOnly = new Descriptor("x", "0.1.0", List.of(), List.of(), DESCRIPTOR.queues(), List.of());

        assertEquals(List.of("queue support CREATED"), summary(steps(provisioner().install(queueOnly))));
        rt.verify(postRequestedFor(urlEqualTo("/REST/2.0/queue"))
                .withRequestBody(equalToJson("{\"Name\":\"Social Support\",\"Description\":\"Support\"}")));
    }

    @Test
    void reportsDuplicateFieldNamesAndNeverCreatesAnother() {
        stubQueue("{\"id\":\"3\",\"Disabled\":\"0\",\"TicketCustomFields\":[]}");
        stubSearch("Social Thread Key", "{\"total\":2,\"items\":[{\"id\":\"11\",\"Name\":\"Social Thread Key\"},"
                + "{\"id\":\"15\",\"Name\":\"Social Thread Key\"}]}");
        Descriptor threadOnly = only("thread_key");

        RtFinding finding = provisioner().install(threadOnly).get(1);

        assertEquals(Status.CONFLICT, finding.step().status());
        assertTrue(finding.step().detail().startsWith("duplicate custom field name"), finding.step().detail());
        assertTrue(finding.problem().fixHint().contains("[11, 15]"), finding.problem().fixHint());
        rt.verify(0, postRequestedFor(urlEqualTo("/REST/2.0/customfield")));
    }

    @Test
    void reportsATypeMismatch() {
        stubQueue("{\"id\":\"3\",\"Disabled\":\"0\",\"TicketCustomFields\":[{\"id\":\"10\"}]}");
        stubField("Social Channel", "10", "{\"id\":10,\"Type\":\"Freeform\",\"Values\":[]}");

        RtFinding finding = provisioner().install(only("social_channel")).get(1);

        assertEquals(Status.CONFLICT, finding.step().status());
        assertEquals("type mismatch: id 10 is Freeform, expected Select", finding.step().detail());
        assertOnlyReads();
    }

    @Test
    void reportsAnExistingTicketFieldNotAppliedToAPluginQueueWithTheCommandToRun() {
        stubQueue("{\"id\":\"3\",\"Disabled\":\"0\",\"TicketCustomFields\":[{\"id\":\"99\",\"name\":\"Other\"}]}");
        stubField("Social Thread Key", "11", "{\"id\":11,\"Type\":\"Freeform\",\"UniqueValues\":\"1\"}");

        RtFinding finding = provisioner().install(only("thread_key")).get(1);

        assertEquals(Status.CONFLICT, finding.step().status());
        assertEquals("perl " + HELPER + " 'Social Thread Key' RT::Queue-RT::Ticket global", finding.step().detail());
        assertEquals("custom field 11 is not applied to queue 'Social Support'", finding.problem().message());
        assertOnlyReads();
    }

    @Test
    void reportsAnIdempotencyKeyFieldWithoutUniqueValues() {
        stubQueue("{\"id\":\"3\",\"Disabled\":\"0\",\"TicketCustomFields\":[{\"id\":\"11\"}]}");
        stubField("Social Thread Key", "11", "{\"id\":11,\"Type\":\"Freeform\",\"UniqueValues\":\"0\"}");

        RtFinding finding = provisioner().inspect(only("thread_key")).get(1);

        assertEquals(Status.CONFLICT, finding.step().status());
        assertEquals("does not enforce unique values (it is an idempotency key)", finding.problem().message());
    }

    @Test
    void reportsAnUnappliedUserFieldWithTheExactCommandWhenTheHelperCannotRun() {
        stubQueue("{\"id\":\"3\",\"Disabled\":\"0\"}");
        stubField("Social Profile", "12", "{\"id\":12,\"Type\":\"Freeform\"}");
        rt.stubFor(get("/REST/2.0/user/14").willReturn(okJson("{\"id\":14,\"CustomFields\":[]}")));

        RtFinding finding = provisioner().install(only("social_profile")).get(1);

        assertEquals(Status.CONFLICT, finding.step().status());
        assertEquals("perl " + HELPER + " 'Social Profile' RT::User global", finding.step().detail());
        assertEquals("on the RT host run: perl " + HELPER + " 'Social Profile' RT::User global",
                finding.problem().fixHint());
        assertOnlyReads();
    }

    @Test
    void reportsADisabledQueue() {
        stubQueue("{\"id\":\"3\",\"Disabled\":\"1\"}");
        Descriptor queueOnly = new Descriptor("x", "0.1.0", List.of(), List.of(), DESCRIPTOR.queues(), List.of());

        RtFinding finding = provisioner().install(queueOnly).get(0);

        assertEquals(Status.CONFLICT, finding.step().status());
        assertEquals("queue 3 exists but is disabled", finding.problem().message());
        assertOnlyReads();
    }

    private static Descriptor only(String fieldKey) {
        return new Descriptor("x", "0.1.0", List.of(), List.of(DESCRIPTOR.field(fieldKey).orElseThrow()),
                DESCRIPTOR.queues(), List.of());
    }

    private static void stubQueue(String json) {
        rt.stubFor(get("/REST/2.0/queue/Social%20Support").willReturn(okJson(json)));
    }

    private static void stubField(String name, String id, String json) {
        stubSearch(name, "{\"total\":1,\"items\":[{\"id\":\"" + id + "\",\"Name\":\"" + name + "\"}]}");
        rt.stubFor(get("/REST/2.0/customfield/" + id).willReturn(okJson(json)));
    }

    private static void stubSearch(String name, String json) {
        rt.stubFor(post(urlPathEqualTo("/REST/2.0/customfields")).atPriority(1)
                .withRequestBody(matchingJsonPath("$[0].value", equalTo(name)))
                .willReturn(okJson(json)));
    }

    private static ResponseDefinitionBuilder notFound() {
        return aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}");
    }

    /** Every request was a GET or the custom field search (a POST that only reads). */
    private static void assertOnlyReads() {
        List<LoggedRequest> writes = rt.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> !r.getMethod().getName().equals("GET"))
                .filter(r -> !r.getUrl().startsWith("/REST/2.0/customfields?"))
                .toList();
        assertEquals(List.of(), writes.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    }

    private static List<Step> steps(List<RtFinding> findings) {
        return findings.stream().map(RtFinding::step).toList();
    }

    private static List<String> summary(List<Step> steps) {
        return steps.stream().map(s -> s.kind() + " " + s.key() + " " + s.status()).toList();
    }
}

package dev.socialbridge.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the contract between the shipped descriptor and the code: stable keys, queues, SLAs, settings. */
class ShippedDescriptorTest {
    private final Descriptor descriptor = DescriptorLoader.fromClasspath();

    @Test
    void declaresEveryRequiredTicketFieldKeyInOrder() {
        List<String> ticketKeys = descriptor.fieldsAppliedTo(FieldDef.APPLIES_TO_TICKET).stream()
                .map(FieldDef::key).toList();

        assertEquals(List.of("social_channel", "social_account", "social_user_id", "social_handle", "post_id",
                "message_id", "conversation_id", "thread_key", "permalink", "social_profile_url", "intent", "sentiment", "language",
                "campaign_tag", "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "ref",
                "ad_id", "ad_click_id", "campaign_creator", "first_touch_at", "first_touch_source", "last_touch_at", "last_touch_source",
                "lead_score", "lead_score_breakdown", "lead_need", "lead_quantity", "lead_budget", "lead_timing",
                "lead_email", "lead_phone", "qualifier_status",
                "csat", "nps", "automation_status", "moderation_status", "moderation_reason", "social_reply_mode",
                "contact_email", "contact_phone", "conversion_value", "delivery_status"), ticketKeys);
        assertTrue(ticketKeys.containsAll(FieldKeys.TICKET_FIELDS));
    }

    @Test
    void onlyThePermalinkAndTheProfileUrlAreLinks() {
        assertEquals(List.of(FieldKeys.PERMALINK, FieldKeys.SOCIAL_PROFILE_URL),
                descriptor.fields().stream().filter(FieldDef::link).map(FieldDef::key).toList());
    }

    @Test
    void declaresTheUserProfileAndTransactionMessageIdFields() {
        assertEquals(List.of("social_profile", "contact_first_touch", "contact_last_touch", "contact_lead_score"),
                keys(FieldDef.APPLIES_TO_USER));
        assertEquals(List.of("social_message_id", "message_intent", "message_sentiment", "message_language"),
                keys(FieldDef.APPLIES_TO_TRANSACTION));
    }

    @Test
    void makesOnlyTheThreadKeyUnique() {
        assertEquals(List.of("thread_key"),
                descriptor.fields().stream().filter(FieldDef::unique).map(FieldDef::key).toList());
    }

    @Test
    void pinsSelectValues() {
        assertEquals(List.of("instagram", "facebook", "messenger", "whatsapp", "tiktok", "youtube", "x", "linkedin",
                "telegram"), values("social_channel"));
        assertEquals(List.of("sales_lead", "support", "refund_cancel", "complaint", "praise", "question", "spam",
                "toxic", "other"), values("intent"));
        assertEquals(List.of("negative", "neutral", "positive"), values("sentiment"));
        assertEquals(List.of("fr", "en", "other"), values("language"));
        assertEquals(List.of("automated", "escalated", "human", "handed_off", "opted_out"),
                values("automation_status"));
        assertEquals(List.of("visible", "hidden", "unhide_requested", "unhidden", "hide_requested", "delete_requested",
                "deleted", "block_requested", "blocked", "request_failed"), values("moderation_status"));
    }

    @Test
    void typesDatesAndScores() {
        assertEquals("datetime", descriptor.field("first_touch_at").orElseThrow().type());
        assertEquals("datetime", descriptor.field("last_touch_at").orElseThrow().type());
        assertEquals("integer", descriptor.field("lead_score").orElseThrow().type());
    }

    @Test
    void declaresTheFiveQueuesWithTheirSlas() {
        Map<String, String> slas = descriptor.queues().stream().collect(Collectors.toMap(QueueDef::key,
                q -> q.sla().firstResponseMinutes() + "/" + q.sla().escalateAfterMinutes()));

        assertEquals(QueueKeys.ALL, descriptor.queues().stream().map(QueueDef::key).toList());
        assertEquals(Map.of("hot_leads", "15/30", "support", "30/240", "vip_partners", "30/60",
                "moderation_review", "60/240", "general", "240/1440"), slas);
        assertEquals("Social Hot Leads", descriptor.queue("hot_leads").orElseThrow().label());
        assertEquals("Social Support", descriptor.queue("support").orElseThrow().label());
        assertEquals("Social VIP & Partners", descriptor.queue("vip_partners").orElseThrow().label());
        assertEquals("Social Moderation Review", descriptor.queue("moderation_review").orElseThrow().label());
        assertEquals("Social General", descriptor.queue("general").orElseThrow().label());
    }

    @Test
    void declaresSettingsWithSecretsMarked() {
        assertEquals("8080", descriptor.setting("socialbridge.http.port").orElseThrow().defaultValue());
        assertEquals("rt", descriptor.setting("socialbridge.host.type").orElseThrow().defaultValue());
        assertTrue(descriptor.setting("socialbridge.store.jdbc-url").isPresent());
        assertTrue(descriptor.setting("socialbridge.host.rt.base-url").orElseThrow().required());
        assertTrue(descriptor.setting("socialbridge.host.rt.user").isPresent());
        assertTrue(descriptor.setting("socialbridge.host.rt.token").orElseThrow().secret());
        assertTrue(descriptor.setting("socialbridge.host.rt.password").orElseThrow().secret());
        SettingDef admin = descriptor.setting("socialbridge.admin.token").orElseThrow();
        assertTrue(admin.secret());
        assertTrue(descriptor.setting("socialbridge.meta.accounts.<name>.access-token").orElseThrow().secret());
    }

    @Test
    void matchesTheProjectVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>social-bridge</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);

        assertTrue(version.find(), "no project version in pom.xml");
        assertEquals(version.group(1), descriptor.version());
    }

    @Test
    void requiresTheHostCapabilitiesTheRtAdapterProvides() {
        assertEquals(List.of("tickets", "queues", "ticket-custom-fields", "user-custom-fields",
                "transaction-custom-fields", "rest-api"), descriptor.hostCapabilities());
    }

    @Test
    void showsEveryTicketFieldInAGroupWithTheInternalIdsCollapsed() {
        assertEquals(List.of("Conversation", "Understanding", "Lead & attribution", "Moderation", "Technical"),
                descriptor.fieldGroups().stream().map(FieldGroupDef::label).toList());
        assertEquals(List.of("technical"),
                descriptor.fieldGroups().stream().filter(FieldGroupDef::collapsed).map(FieldGroupDef::key).toList());
        assertEquals(List.of(), descriptor.fieldsAppliedTo(FieldDef.APPLIES_TO_TICKET).stream()
                .filter(f -> f.group() == null).map(FieldDef::key).toList(), "ticket fields without a group");
        assertEquals(List.of("thread_key", "message_id", "conversation_id", "post_id", "social_user_id", "ad_id",
                "ad_click_id"), descriptor.fieldsInGroup("technical").stream().map(FieldDef::key).sorted(
                java.util.Comparator.comparing(k -> List.of("thread_key", "message_id", "conversation_id", "post_id",
                        "social_user_id", "ad_id", "ad_click_id").indexOf(k))).toList());
        assertEquals(List.of("intent", "sentiment", "language", "csat", "nps"),
                descriptor.fieldsInGroup("understanding").stream().map(FieldDef::key).toList());
        assertEquals(List.of("automation_status", "moderation_status", "moderation_reason"),
                descriptor.fieldsInGroup("moderation").stream().map(FieldDef::key).toList());
    }

    @Test
    void namesTheQueuesDefaultAndEscalationPriorities() {
        Map<String, String> defaults = descriptor.queues().stream()
                .collect(Collectors.toMap(QueueDef::key, q -> priorityName(q.defaultPriority())));
        Map<String, String> escalated = descriptor.queues().stream()
                .collect(Collectors.toMap(QueueDef::key, q -> priorityName(q.sla().escalationSteps().priority())));

        assertEquals(Map.of("hot_leads", "Hot", "vip_partners", "High", "support", "Normal",
                "moderation_review", "Normal", "general", "Low"), defaults);
        assertEquals(Map.of("hot_leads", "Urgent", "vip_partners", "Urgent", "support", "Urgent",
                "moderation_review", "Hot", "general", "High"), escalated);
        assertEquals("Urgent", priorityName(descriptor.crisis().escalationSteps().priority()));
    }

    /** RT's rule (RT::Ticket::_PriorityAsString): the label of the highest value at or below the priority. */
    private String priorityName(int priority) {
        return descriptor.priorities().stream().filter(p -> p.value() <= priority)
                .reduce((a, b) -> b).map(PriorityDef::label).orElseThrow();
    }

    private List<String> keys(String appliesTo) {
        return descriptor.fieldsAppliedTo(appliesTo).stream().map(FieldDef::key).toList();
    }

    private List<String> values(String key) {
        return descriptor.field(key).orElseThrow().values();
    }
}

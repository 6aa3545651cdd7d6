package dev.socialbridge.rules;

import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.socialbridge.rules.Fixtures.BUSINESS_HOURS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per action type, and how reply actions travel per interaction kind. */
class ActionsTest {

    private static final AutomationSettings NO_DISCLOSURE = AutomationSettings.defaults().withDisclosureEnabled(false);

    private static Decision run(String then, Interaction in) {
        AutomationEngine engine = Fixtures.engine("""
                rules:
                  - id: r
                    then:
                %s
                """.formatted(then.indent(6)), NO_DISCLOSURE);
        ThreadFacts facts = ThreadFacts.firstMessage().withTokens(Map.of("first_name", "Ana"));
        return engine.decide(in, Fixtures.cls("other", 0.5), facts, BUSINESS_HOURS);
    }

    private static Interaction of(InteractionKind kind) {
        return Fixtures.interaction(Platform.INSTAGRAM, kind, "hello", Author.of("a"));
    }

    @ParameterizedTest(name = "{0} on a {1} -> {2}")
    @CsvSource({
            "reply,        COMMENT,     public_reply",
            "reply,        MENTION,     public_reply",
            "reply,        DM,          dm",
            "reply,        STORY_REPLY, dm",
            "privateReply, COMMENT,     private_reply",
            "privateReply, DM,          dm",
            "dm,           DM,          dm",
    })
    void replyActionsTravelByKind(String action, InteractionKind kind, String expectedType) {
        Decision d = run("- " + action + ": thanks", of(kind));

        assertEquals(List.of(expectedType), d.actions().stream().map(Action::type).toList());
        assertEquals("automated", d.automationStatus());
    }

    @Test
    void aChannelThePlatformRefusesIsAuditedAsNotApplicableWithItsReason() {
        Decision d = run("- dm: thanks", of(InteractionKind.COMMENT));

        assertEquals(List.of(), d.actions());
        AuditEntry refused = d.audit().get(0);
        assertEquals("dm", refused.action());
        assertEquals("suppressed:not_applicable", refused.outcome());
        assertTrue(refused.detail().contains("privateReply"), refused.detail());
    }

    @ParameterizedTest(name = "{0} on a mention is suppressed")
    @CsvSource({"privateReply", "dm"})
    void aMentionCanOnlyBeAnsweredPublicly(String action) {
        Decision d = run("- " + action + ": thanks", of(InteractionKind.MENTION));

        assertTrue(d.actions().isEmpty(), d.actions().toString());
        AuditEntry audit = d.audit().get(0);
        assertTrue(audit.outcome().startsWith("suppressed:"), audit.toString());
    }

    @Test
    void replyCarriesRenderedTextTemplateAndVariant() {
        Decision d = run("- reply: thanks", of(InteractionKind.COMMENT));

        assertEquals(new Action.Reply(ReplyChannel.PUBLIC, "Thanks Ana!", List.of(), null, "thanks", "A"), d.actions().get(0));
        AuditEntry audit = d.audit().get(0);
        assertEquals(List.of("r", "thanks", "A", "public_reply", "planned", "Thanks Ana!"),
                List.of(audit.ruleId(), audit.templateId(), audit.variant(), audit.action(), audit.outcome(), audit.detail()));
    }

    @Test
    void privateReplyIsACommentToDmReply() {
        assertEquals(new Action.Reply(ReplyChannel.PRIVATE, "What do you need?", List.of(), null, "qualifier", "A"),
                run("- privateReply: qualifier", of(InteractionKind.COMMENT)).actions().get(0));
    }

    @Test
    void dmSendsADirectMessage() {
        assertEquals(new Action.Reply(ReplyChannel.DM, "We got it.", List.of(), null, "ack", "A"), run("- dm: ack", of(InteractionKind.DM)).actions().get(0));
    }

    @Test
    void hideHidesACommentWithItsReason() {
        Decision d = run("- hide: spam", of(InteractionKind.COMMENT));

        assertEquals(List.of(new Action.Hide("spam")), d.actions());
        assertEquals("automated", d.automationStatus());
    }

    @Test
    void hideWithTrueUsesTheRuleIdAsReason() {
        assertEquals(List.of(new Action.Hide("r")), run("- hide: true", of(InteractionKind.COMMENT)).actions());
    }

    @Test
    void hideDoesNotApplyToDirectMessages() {
        Decision d = run("- hide: spam", of(InteractionKind.DM));

        assertTrue(d.actions().isEmpty());
        assertEquals("suppressed:not_applicable", d.audit().get(0).outcome());
    }

    @Test
    void escalateUsesGivenPriorityAndReason() {
        Decision d = run("- {escalate: support, priority: 65, reason: angry}", of(InteractionKind.DM));

        assertEquals(List.of(new Action.Escalate("support", 65, "angry")), d.actions());
        assertEquals("escalated", d.automationStatus());
    }

    @ParameterizedTest(name = "{0} defaults to priority {1}")
    @CsvSource({"hot_leads, 80", "vip_partners, 70", "support, 60", "moderation_review, 50", "general, 30"})
    void escalateDefaultsToTheQueuePriorityAndRuleIdReason(String queue, int priority) {
        assertEquals(List.of(new Action.Escalate(queue, priority, "r")), run("- escalate: " + queue, of(InteractionKind.DM)).actions());
    }

    @Test
    void tagAddsATagOnceEvenWhenRepeated() {
        Decision d = run("- tag: lead\n- tag: lead\n- tag: summer", of(InteractionKind.DM));

        assertEquals(List.of(new Action.Tag("lead"), new Action.Tag("summer")), d.actions());
        assertEquals(java.util.Set.of("lead", "summer"), d.tags());
    }

    @Test
    void markLeadMarksTheDecisionAsLead() {
        Decision d = run("- markLead: 15", of(InteractionKind.DM));

        assertEquals(List.of(new Action.MarkLead(15)), d.actions());
        assertTrue(d.lead());
    }

    @Test
    void notifyRendersNoteTokensAndMarksUnknownOnes() {
        Interaction in = Fixtures.interaction(Platform.FACEBOOK, InteractionKind.COMMENT, "hi", Fixtures.author("v", 25000L, false));
        Decision d = run("- notify: \"@{author_handle} ({followers}) on {platform}: {intent} {confidence}, order {order_id}\"", in);

        assertEquals(List.of(new Action.Notify("@handle_v (25000) on facebook: other 0.50, order ?")), d.actions());
    }

    @Test
    void actionsComeInRuleOrder() {
        Decision d = run("- tag: a\n- reply: thanks\n- escalate: general\n- markLead: 1", of(InteractionKind.COMMENT));

        assertEquals(List.of("tag", "public_reply", "escalate", "mark_lead"), d.actions().stream().map(Action::type).toList());
    }

    @Test
    void aWhatsAppReplyCarriesTheRulesTemplateForOutsideTheWindowAndAtMostThreeButtons() {
        AutomationEngine engine = Fixtures.engine("""
                rules:
                  - id: r
                    then:
                      - dm: menu
                        outsideWindow: {template: order_update, language: fr}
                """, """
                templates:
                  menu:
                    en: "How can we help?"
                    quickReplies: ["Track an order", "Return", "Invoice", "Talk to us"]
                """, NO_DISCLOSURE);
        Interaction dm = Fixtures.interaction(Platform.WHATSAPP, InteractionKind.DM, "hello", Author.of("a"));
        Action.Reply reply = (Action.Reply) engine.decide(dm, Fixtures.cls("other", 0.5), ThreadFacts.firstMessage(),
                BUSINESS_HOURS).actions().get(0);
        assertEquals(new dev.socialbridge.connector.spi.OutboundMessage.PlatformTemplate("order_update", "fr"),
                reply.template());
        assertEquals(List.of("Track an order", "Return", "Invoice"), reply.quickReplies(), "WhatsApp takes 3 buttons");
    }

    @Test
    void anOutsideWindowTemplateMustNameATemplateAndALanguage() {
        assertEquals(List.of("rules.yaml: rule 'r' (#1): then[0].outsideWindow.language: 'French' is not a language code"
                + " such as fr or en_US"), Fixtures.problems("""
                rules:
                  - id: r
                    then:
                      - dm: thanks
                        outsideWindow: {template: order_update, language: French}
                """));
    }

    @ParameterizedTest(name = "after: {0} -> {1} s")
    @CsvSource({"90s, 90", "15m, 900", "2h, 7200", "24h, 86400"})
    void aReplyCanBeDelayed(String after, long seconds) {
        Decision d = run("- dm: thanks\n  after: " + after, of(InteractionKind.DM));

        Action.Reply reply = (Action.Reply) d.actions().get(0);
        assertEquals(java.time.Duration.ofSeconds(seconds), reply.delay());
        assertTrue(d.audit().get(0).detail().startsWith("after "), d.audit().get(0).detail());
    }

    @Test
    void aReplyWithoutAfterGoesAtOnce() {
        assertEquals(java.time.Duration.ZERO, ((Action.Reply) run("- dm: thanks", of(InteractionKind.DM)).actions().get(0)).delay());
    }

    @ParameterizedTest(name = "after: {0} is refused")
    @CsvSource(delimiter = '|', value = {
            "0m    | then[0].after: '0m' is out of range (more than 0, at most 24h)",
            "25h   | then[0].after: '25h' is out of range (more than 0, at most 24h)",
            "soon  | then[0].after: expected a delay such as 90s, 15m or 2h, found 'soon'",
            "15    | then[0].after: expected a delay such as 90s, 15m or 2h, found 15",
            "1d    | then[0].after: expected a delay such as 90s, 15m or 2h, found '1d'"})
    void aBadDelayIsNamedWithItsValue(String after, String problem) {
        assertEquals(List.of("rules.yaml: rule 'r' (#1): " + problem), Fixtures.problems("""
                rules:
                  - id: r
                    then:
                      - dm: thanks
                        after: %s
                """.formatted(after)));
    }

    @Test
    void afterOnlyGoesWithAReply() {
        List<String> problems = Fixtures.problems("""
                rules:
                  - id: r
                    then:
                      - tag: vip
                        after: 15m
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("then[0].after: unknown action"), problems.get(0));
    }
}

package dev.socialbridge.rules;

import static dev.socialbridge.rules.Fixtures.BUSINESS_HOURS;
import static dev.socialbridge.rules.Fixtures.cls;
import static dev.socialbridge.rules.Fixtures.comment;
import static dev.socialbridge.rules.Fixtures.dm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.interaction.Interaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The confidence gate: below it, a rule that reads the classifier has its replies, private replies, DMs, qualifier
 * flows and hides held back (audited {@code suppressed:low_confidence}), its routing, tags, lead points and notes
 * still apply, and a note shows the classifier's guess.
 */
class ConfidenceGateTest {

    static final String TEMPLATES = Fixtures.TEMPLATES + """
            flows:
              lead:
                steps:
                  - {id: need, type: text, en: "What are you looking for?"}
                  - {id: mail, type: email, en: "Your email?"}
                thanks: {en: "Thank you!"}
            """;
    static final String RULES = """
            rules:
              - id: spam
                when: {intent: [spam]}
                then:
                  - hide: spam
                  - tag: spam
              - id: toxic
                when: {intent: [toxic]}
                then:
                  - hide: toxic
                  - escalate: moderation_review
                  - tag: toxic
              - id: stop-word
                when: {keywords: [promo50]}
                then:
                  - reply: ack
              - id: forced
                confidenceGate: true
                when: {keywords: [forced]}
                then:
                  - reply: ack
              - id: refund
                when: {intent: [refund_cancel]}
                then:
                  - reply: ack
                  - escalate: support
                    priority: 60
                  - tag: refund
              - id: lead
                when: {intent: [sales_lead]}
                then:
                  - privateReply: qualifier
                  - qualify: lead
                  - markLead: 20
                  - notify: "Lead at {confidence}"
              - id: campaign
                confidenceGate: false
                when: {intent: [question]}
                then:
                  - reply: ack
                  - hide: question
              - id: angry
                when: {sentimentAtMost: -0.6}
                then:
                  - dm: ack
              - id: praise
                when: {intent: [praise]}
                then:
                  - reply: thanks
                  - tag: praise
            """;

    private static Decision decide(Interaction i, Classification c, ConfidenceGate gate) {
        return Fixtures.engine(RULES, TEMPLATES, AutomationSettings.defaults().withConfidenceGate(gate))
                .decide(i, c, ThreadFacts.firstMessage(), BUSINESS_HOURS);
    }

    private static Decision decide(Interaction i, Classification c) {
        return decide(i, c, ConfidenceGate.DEFAULT);
    }

    private static AuditEntry only(Decision d, String action, String outcome) {
        List<AuditEntry> found = d.audit().stream()
                .filter(e -> e.action().equals(action) && e.outcome().equals(outcome)).toList();
        assertEquals(1, found.size(), d.audit()::toString);
        return found.get(0);
    }

    private static List<String> notes(Decision d) {
        return d.actionsOf(Action.Notify.class).stream().map(Action.Notify::text).toList();
    }

    @Test
    void aPublicReplyBelowTheGateIsHeldBackWithTheGuessAuditedAndNoted() {
        Decision d = decide(comment("love it"), cls("praise", 0.42));

        assertTrue(d.actionsOf(Action.Reply.class).isEmpty(), d.actions()::toString);
        AuditEntry held = only(d, "public_reply", "suppressed:low_confidence");
        assertEquals("praise", held.ruleId());
        assertEquals("thanks", held.templateId());
        assertTrue(held.detail().startsWith("the classifier guessed \"praise\" at 0.42, below the gate 0.50 for automated"
                + " replies; would have sent: "), held.detail());
        assertEquals(List.of("Automation held back: the classifier guessed \"praise\" at 0.42, below the gate 0.50 for"
                + " automated replies (public_reply thanks). Check and act by hand."), notes(d));
        assertEquals(List.of(new Action.Tag("praise")), d.actionsOf(Action.Tag.class));
        assertEquals(Decision.ESCALATED, d.automationStatus());
        assertEquals(1, d.heldBack().size());
    }

    @Test
    void atTheGateAutomationActs() {
        Decision d = decide(comment("love it"), cls("praise", 0.5));

        assertEquals(1, d.actionsOf(Action.Reply.class).size());
        assertTrue(d.heldBack().isEmpty());
        assertTrue(notes(d).isEmpty());
        assertEquals(Decision.AUTOMATED, d.automationStatus());
    }

    @Test
    void aPrivateReplyAndTheQualifierFlowAreHeldBackButLeadPointsAndNotesApply() {
        Decision d = decide(comment("how much?"), cls("sales_lead", 0.3));

        assertTrue(d.actionsOf(Action.Reply.class).isEmpty());
        assertTrue(d.actionsOf(Action.Qualify.class).isEmpty());
        assertEquals(2, d.heldBack().size(), d.audit()::toString);
        assertEquals("private_reply", d.heldBack().get(0).action());
        assertEquals("qualify:lead", d.heldBack().get(1).templateId());
        assertTrue(d.lead());
        assertEquals(List.of(new Action.MarkLead(20)), d.actionsOf(Action.MarkLead.class));
        assertEquals(List.of("Lead at 0.30", "Automation held back: the classifier guessed \"sales_lead\" at 0.30, below"
                + " the gate 0.50 for automated replies (private_reply qualifier, qualifier flow lead). Check and act by"
                + " hand."), notes(d));
    }

    @Test
    void aDmOfARuleOnSentimentIsHeldBackByTheIntentConfidence() {
        Decision d = decide(dm("this is awful"), Fixtures.cls("en", "complaint", 0.4, -0.8));

        assertTrue(d.actionsOf(Action.Reply.class).isEmpty());
        assertEquals("angry", only(d, "dm", "suppressed:low_confidence").ruleId());
    }

    @Test
    void theRulesRoutingStaysWhenItsReplyIsHeldBack() {
        Decision d = decide(comment("refund please"), cls("refund_cancel", 0.45));

        assertTrue(d.actionsOf(Action.Reply.class).isEmpty());
        assertEquals("support", d.actionsOf(Action.Escalate.class).get(0).queueKey());
        assertEquals(List.of(new Action.Tag("refund")), d.actionsOf(Action.Tag.class));
    }

    @Test
    void aHideNeedsTheHideThresholdWhateverTheIntentThresholdAndGoesToModerationReview() {
        Decision d = decide(comment("buy followers at spam.example"), cls("spam", 0.7));

        assertTrue(d.actionsOf(Action.Hide.class).isEmpty());
        AuditEntry held = only(d, "hide", "suppressed:low_confidence");
        assertEquals("the classifier guessed \"spam\" at 0.70, below the gate 0.80 for hiding; would have hidden it as"
                + " spam", held.detail());
        assertEquals(List.of(new Action.Escalate("moderation_review", 50, "low_confidence")),
                d.actionsOf(Action.Escalate.class));
        assertEquals(HeldBack.GUARD_CONFIDENCE, only(d, "escalate", "planned").ruleId());
        assertEquals(List.of("Automation held back: the classifier guessed \"spam\" at 0.70, below the gate 0.80 for"
                + " hiding. Check and act by hand."), notes(d));
        assertEquals(List.of(new Action.Tag("spam")), d.actionsOf(Action.Tag.class));
    }

    @Test
    void aConfidentHideHappens() {
        Decision d = decide(comment("buy followers at spam.example"), cls("spam", 0.85));

        assertEquals(List.of(new Action.Hide("spam")), d.actionsOf(Action.Hide.class));
        assertTrue(d.heldBack().isEmpty());
    }

    @Test
    void aHeldBackToxicHideKeepsTheRulesModerationEscalationAndNoteIsExact() {
        Decision d = decide(comment("you idiots"), cls("toxic", 0.62));

        assertTrue(d.actionsOf(Action.Hide.class).isEmpty());
        assertEquals("moderation_review", d.actionsOf(Action.Escalate.class).get(0).queueKey());
        assertEquals(List.of("Automation held back: the classifier guessed \"toxic\" at 0.62, below the gate 0.80 for"
                + " hiding. Check and act by hand."), notes(d));
    }

    @Test
    void aPerIntentThresholdReplacesTheDefaultOneForItsIntentOnly() {
        ConfidenceGate gate = ConfidenceGate.DEFAULT.withIntent("praise", 0.3).withIntent("refund_cancel", 0.9);

        assertEquals(1, decide(comment("love it"), cls("praise", 0.42), gate).actionsOf(Action.Reply.class).size());
        Decision refund = decide(comment("refund please"), cls("refund_cancel", 0.85), gate);
        assertTrue(refund.actionsOf(Action.Reply.class).isEmpty());
        assertTrue(refund.heldBack().get(0).detail().contains("below the gate 0.90"), refund.audit()::toString);
        assertEquals(1, decide(comment("how much?"), cls("sales_lead", 0.55), gate).actionsOf(Action.Qualify.class)
                .size());
    }

    @Test
    void aLowPerIntentThresholdDoesNotLoosenTheHideThreshold() {
        Decision d = decide(comment("you idiots"), cls("toxic", 0.6), ConfidenceGate.DEFAULT.withIntent("toxic", 0.2));

        assertTrue(d.actionsOf(Action.Hide.class).isEmpty());
        assertTrue(only(d, "hide", "suppressed:low_confidence").detail().contains("below the gate 0.80 for hiding"));
    }

    @Test
    void aHighPerIntentThresholdAlsoHoldsBackHides() {
        Decision d = decide(comment("you idiots"), cls("toxic", 0.85), ConfidenceGate.DEFAULT.withIntent("toxic", 0.9));

        assertTrue(d.actionsOf(Action.Hide.class).isEmpty());
        assertTrue(only(d, "hide", "suppressed:low_confidence").detail().contains("below the gate 0.90 for hiding"));
    }

    @Test
    void aRuleThatDoesNotReadTheClassifierIsNotGated() {
        Decision d = decide(comment("code PROMO50 please"), cls("other", 0.05));

        assertEquals(List.of("stop-word"), d.matchedRuleIds());
        assertEquals(1, d.actionsOf(Action.Reply.class).size());
        assertTrue(d.heldBack().isEmpty());
    }

    @Test
    void confidenceGateTrueGatesARuleThatDoesNotReadTheClassifier() {
        Decision d = decide(comment("forced"), cls("other", 0.05));

        assertTrue(d.actionsOf(Action.Reply.class).isEmpty());
        assertEquals("forced", only(d, "public_reply", "suppressed:low_confidence").ruleId());
    }

    @Test
    void confidenceGateFalseLetsRepliesThroughButNeverHides() {
        Decision d = decide(comment("what time?"), cls("question", 0.1));

        assertEquals(1, d.actionsOf(Action.Reply.class).size());
        assertTrue(d.actionsOf(Action.Hide.class).isEmpty());
        assertEquals("campaign", only(d, "hide", "suppressed:low_confidence").ruleId());
    }

    @Test
    void aRuleBelowTheGateWithNothingToHoldBackStillLeavesTheDecisionToAPerson() {
        // a DM cannot be hidden: the spam rule only tags, yet the guess is too weak to drop the message silently
        Decision d = decide(dm("check my profile"), cls("spam", 0.3));

        assertTrue(d.actionsOf(Action.Hide.class).isEmpty());
        AuditEntry held = only(d, AuditEntry.NONE, "suppressed:low_confidence");
        assertEquals("spam", held.ruleId());
        assertEquals(List.of("Automation held back: the classifier guessed \"spam\" at 0.30, below the gate 0.50 for"
                + " rule spam. Check and act by hand."), notes(d));
        assertEquals(Decision.ESCALATED, d.automationStatus());
    }

    @Test
    void aConfidentRuleWithNothingToHoldBackHoldsNothing() {
        Decision d = decide(dm("check my profile"), cls("spam", 0.6));

        assertTrue(d.heldBack().isEmpty());
        assertEquals(Decision.HUMAN, d.automationStatus());
    }

    @Test
    void withTheGateOffNothingIsHeldBack() {
        Decision d = decide(comment("buy followers"), cls("spam", 0.01), ConfidenceGate.OFF);

        assertEquals(List.of(new Action.Hide("spam")), d.actionsOf(Action.Hide.class));
        assertTrue(d.heldBack().isEmpty());
    }

    @Test
    void theConfidenceShownIsCutNotRoundedSoItNeverReadsAsTheGate() {
        Decision d = decide(comment("love it"), cls("praise", 0.4999));

        assertTrue(d.heldBack().get(0).detail().contains("at 0.49, below the gate 0.50"), d.audit()::toString);
    }

    @Test
    void otherSuppressionsComeFirstSoOnlyWhatWouldHaveHappenedIsHeldBack() {
        ThreadFacts optedOut = new ThreadFacts(false, 0, 0, BUSINESS_HOURS.minusSeconds(60), null, Map.of());
        Decision d = Fixtures.engine(RULES, TEMPLATES, AutomationSettings.defaults())
                .decide(comment("love it"), cls("praise", 0.3), optedOut, BUSINESS_HOURS);

        assertEquals("suppressed:opted_out", d.audit().get(0).outcome());
        assertFalse(d.audit().stream().anyMatch(e -> e.action().equals("public_reply")
                && e.outcome().equals("suppressed:low_confidence")));
    }

    @Test
    void outOfRangeValuesAndUnknownIntentsAreNamedWithTheirSetting() {
        assertEquals(List.of("min-confidence: 1.2 is not a confidence between 0 and 1",
                        "hide-min-confidence: -0.1 is not a confidence between 0 and 1",
                        "min-confidence-by-intent.happy: unknown intent 'happy' (expected one of sales_lead, support,"
                                + " refund_cancel, complaint, praise, question, spam, toxic, other)",
                        "min-confidence-by-intent.toxic: 2.0 is not a confidence between 0 and 1"),
                ConfidenceGate.problems(1.2, Map.of("toxic", 2.0, "happy", 0.5), -0.1));
        assertThrows(IllegalArgumentException.class, () -> new ConfidenceGate(0.5, Map.of(), 1.5));
    }

    @Test
    void aNonBooleanConfidenceGateInARuleIsNamed() {
        List<String> problems = new java.util.ArrayList<>();
        new RuleFileParser("r.yaml", java.util.Set.of("ack"), problems).parse(dev.socialbridge.templates.YamlNodes.read(
                "r.yaml", new java.io.ByteArrayInputStream("""
                        rules:
                          - id: x
                            confidenceGate: sometimes
                            when: {intent: [praise]}
                            then: [{reply: ack}]
                        """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), problems));

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("r.yaml: rule 'x' (#1): confidenceGate"), problems::toString);
    }
}

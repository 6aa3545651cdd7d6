package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.connector.Connectors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.rules.AutomationEngine;
import dev.socialbridge.rules.AutomationSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How rule decisions become tickets, replies and hides (with the default rule pack, hand-made classifications). */
class RuleBasedAutomationTest {
    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T11:00:00Z");
    private final RuleBasedAutomation automation = new RuleBasedAutomation(
            AutomationEngine.loadDefaults(AutomationSettings.defaults().withBrand("Maison Lumière"), Connectors.unconfigured().actionPolicy()), "general");

    private static Interaction comment(String text) {
        return new Interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, "acct", "instagram:comment:acct:c1", "c1", null,
                "post1", new Author("u1", "jane", "Jane Doe", 120L, false), text, List.of(), null, null, MONDAY_NOON, false, null, null, 1);
    }

    private AutomationOutcome decide(String text, Classification c, ThreadState thread) {
        return automation.decide(comment(text), c, thread, new AutomationStep.AuthorFacts(null, 0), MONDAY_NOON);
    }

    @Test
    void buyingCommentOpensAHotLeadTicketWithAckAndPrivateQualifier() {
        AutomationOutcome o = decide("Combien coûte le pack pro ?", new Classification("fr", "sales_lead", 0.9, "neutral", 0.1),
                ThreadState.fresh("t"));
        assertTrue(o.ticket());
        assertEquals("hot_leads", o.queueKey());
        assertEquals(List.of(ReplyChannel.PUBLIC, ReplyChannel.PRIVATE),
                o.replies().stream().map(AutomationOutcome.Reply::channel).toList());
        assertTrue(o.leadScoreDelta() > 0);
        assertFalse(o.audit().isEmpty());
    }

    @Test
    void spamIsHiddenWithoutATicket() {
        AutomationOutcome o = decide("follow4follow free followers www.x.biz", new Classification("en", "spam", 0.99, "neutral", 0),
                ThreadState.fresh("t"));
        assertFalse(o.ticket());
        assertNotNull(o.hideReason());
        assertTrue(o.replies().isEmpty());
    }

    @Test
    void praiseIsThankedWithoutATicket() {
        AutomationOutcome o = decide("Love it, thank you!", new Classification("en", "praise", 0.9, "positive", 0.8),
                ThreadState.fresh("t"));
        assertFalse(o.ticket());
        assertEquals(1, o.replies().size());
    }

    @Test
    void threadThatAlreadyHasATicketKeepsGettingMessagesAppended() {
        ThreadState existing = new ThreadState("t", "support", "42", "u", 1, 0, null, MONDAY_NOON, null, null, null, null, null);
        AutomationOutcome o = decide("Love it, thank you!", new Classification("en", "praise", 0.9, "positive", 0.8), existing);
        assertTrue(o.ticket());
        assertNull(o.queueKey(), "keeps the thread's queue");
    }

    @Test
    void nothingMatchedGoesToTheDefaultQueue() {
        AutomationOutcome o = decide("ok", new Classification("en", "other", 0.4, "neutral", 0), ThreadState.fresh("t"));
        if (o.replies().isEmpty() && o.hideReason() == null && o.queueKey() != null) {
            assertEquals("general", o.queueKey());
        }
        assertEquals(o.ticket(), o.queueKey() != null);
    }

    @Test
    void aDelayedReplyWaitsForAnAgentSoTheMessageGetsATicket() {
        RuleBasedAutomation delayed = new RuleBasedAutomation(dev.socialbridge.rules.Fixtures.engine("""
                rules:
                  - id: later
                    then:
                      - reply: thanks
                        after: 10m
                """, AutomationSettings.defaults()), "general");
        RuleBasedAutomation atOnce = new RuleBasedAutomation(dev.socialbridge.rules.Fixtures.engine("""
                rules:
                  - id: now
                    then:
                      - reply: thanks
                """, AutomationSettings.defaults()), "general");
        Classification c = new Classification("en", "other", 0.4, "neutral", 0);

        AutomationOutcome o = delayed.decide(comment("hello"), c, ThreadState.fresh("t"), new AutomationStep.AuthorFacts(null, 0), MONDAY_NOON);
        assertTrue(o.ticket());
        assertEquals("general", o.queueKey());
        assertEquals(java.time.Duration.ofMinutes(10), o.replies().get(0).delay());
        assertFalse(atOnce.decide(comment("hello"), c, ThreadState.fresh("t"), new AutomationStep.AuthorFacts(null, 0),
                MONDAY_NOON).ticket(), "a reply at once answers the message: no ticket");
    }

    @Test
    void praiseBelowTheGateIsNotThankedButTicketedInTheDefaultQueueWithTheGuess() {
        AutomationOutcome o = decide("Love it, thank you!", new Classification("en", "praise", 0.42, "positive", 0.8),
                ThreadState.fresh("t"));
        assertTrue(o.replies().isEmpty());
        assertTrue(o.ticket());
        assertEquals("general", o.queueKey());
        assertEquals("escalated", o.automationStatus());
        assertTrue(o.notes().contains("Automation held back: the classifier guessed \"praise\" at 0.42, below the gate 0.50"
                + " for automated replies (public_reply praise-thanks). Check and act by hand."), o.notes()::toString);
        assertTrue(o.audit().stream().anyMatch(a -> a.outcome().equals("suppressed:low_confidence")
                && a.detail().contains("0.42") && a.detail().contains("0.50")), o.audit()::toString);
    }

    @Test
    void spamBelowTheHideGateStaysVisibleAndGoesToModerationReview() {
        AutomationOutcome o = decide("follow4follow free followers www.x.biz",
                new Classification("en", "spam", 0.7, "neutral", 0), ThreadState.fresh("t"));
        assertNull(o.hideReason());
        assertTrue(o.ticket());
        assertEquals("moderation_review", o.queueKey());
        assertTrue(o.notes().contains("Automation held back: the classifier guessed \"spam\" at 0.70, below the gate 0.80"
                + " for hiding. Check and act by hand."), o.notes()::toString);
    }

    @Test
    void aRefundBelowTheGateKeepsItsRulesQueue() {
        AutomationOutcome o = decide("je veux être remboursé", new Classification("fr", "refund_cancel", 0.4, "negative", -0.3),
                ThreadState.fresh("t"));
        assertTrue(o.replies().isEmpty());
        assertEquals("support", o.queueKey());
    }
}

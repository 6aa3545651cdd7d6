package dev.socialbridge.guard;

import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.classify.Classification;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.rules.Action;
import dev.socialbridge.rules.AuditEntry;
import dev.socialbridge.rules.AutomationEngine;
import dev.socialbridge.rules.AutomationSettings;
import dev.socialbridge.rules.Decision;
import dev.socialbridge.rules.Fixtures;
import dev.socialbridge.rules.ThreadFacts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.socialbridge.rules.Fixtures.BUSINESS_HOURS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guard rails as applied by the engine, whatever the rules say. */
class GuardRailsEngineTest {

    private static final AutomationSettings SETTINGS = AutomationSettings.defaults().withDisclosureEnabled(false)
            .withOwnAccountIds(Set.of("maisonlune"));
    private static final Classification CLS = Fixtures.cls("en", "other", 0.5, 0);

    /** Every message: public reply + private reply, hide, escalate to general, tag. */
    private static final AutomationEngine ENGINE = Fixtures.engine("""
            - id: everything
              then:
                - reply: thanks
                - privateReply: qualifier
                - hide: test
                - escalate: general
                - tag: seen
            """, SETTINGS);

    private static Decision decide(String text, ThreadFacts facts) {
        return ENGINE.decide(Fixtures.comment(text), CLS, facts, BUSINESS_HOURS);
    }

    private static ThreadFacts facts(int botTurns, int repliesLastHour, Instant optedOutAt) {
        return new ThreadFacts(false, botTurns, repliesLastHour, optedOutAt, null, Map.of());
    }

    private static long replies(Decision d) {
        return d.actions().stream().filter(a -> a instanceof Action.Reply).count();
    }

    private static List<String> outcomes(Decision d) {
        return d.audit().stream().map(AuditEntry::outcome).toList();
    }

    @Nested
    class OwnAccounts {

        @ParameterizedTest(name = "author {0} @{1} fromSelf={2}")
        @CsvSource({"42, someone, true", "our-account, , false", "42, MaisonLune, false"})
        void getNoActionsAtAll(String id, String handle, boolean fromSelf) {
            Interaction in = new Interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, "our-account", "t", "i", null, null,
                    new Author(id, handle, null, null, false), "STOP human", List.of(), null, null, BUSINESS_HOURS, fromSelf, null, null, 0);

            Decision d = ENGINE.decide(in, CLS, ThreadFacts.firstMessage(), BUSINESS_HOURS);

            assertEquals(List.of(), d.actions());
            assertEquals(List.of("suppressed:own_account"), outcomes(d));
            assertFalse(d.optOutRecorded());
            assertFalse(d.handoff());
        }
    }

    @Nested
    class HourlyReplyLimit {

        @ParameterizedTest(name = "{0} replies in the last hour (max 3) -> {1} of 2 planned replies sent")
        @CsvSource({"0, 2", "1, 2", "2, 1", "3, 0", "4, 0"})
        void countsRepliesPlannedInTheSameDecision(int lastHour, int expectedSent) {
            Decision d = decide("hello", facts(0, lastHour, null));

            assertEquals(expectedSent, replies(d));
            assertEquals(2 - expectedSent, outcomes(d).stream().filter("suppressed:rate_limit"::equals).count());
            assertTrue(d.actions().contains(new Action.Escalate("general", 30, "everything")));
        }

        @Test
        void isConfigurable() {
            AutomationEngine strict = Fixtures.engine("- {id: r, then: [{reply: ack}]}", SETTINGS.withMaxRepliesPerAuthorPerHour(0));

            assertEquals(0, replies(strict.decide(Fixtures.comment("hi"), CLS, ThreadFacts.firstMessage(), BUSINESS_HOURS)));
        }
    }

    @Nested
    class OptOut {

        @ParameterizedTest(name = "\"{0}\" opts out: {1}")
        @CsvSource(delimiter = '|', value = {
                "STOP                          | true",
                "Stop!                         | true",
                "stop.                         | true",
                "please stop messaging me      | true",
                "ARRÊT                         | true",
                "arret                         | true",
                "je veux me désabonner         | true",
                "desabonnez-moi                | true",
                "Unsubscribe                   | true",
                "my stopwatch broke            | false",
                "unstoppable!                  | false",
                "arrête de rire 😂              | false",
                "hello                         | false",
        })
        void isRecognisedOnWholeWordsIgnoringCaseAndAccents(String text, boolean expected) {
            assertEquals(expected, decide(text, ThreadFacts.firstMessage()).optOutRecorded());
        }

        @Test
        void optOutMessageGetsOneConfirmationAndNoRuleReplies() {
            Decision d = decide("STOP", ThreadFacts.firstMessage());

            assertEquals(List.of(new Action.Hide("test"), new Action.Escalate("general", 30, "everything"), new Action.Tag("seen"),
                    reply(ReplyChannel.PUBLIC, "Got it: you won't get automated replies from now on. Our team is still here if you need us.",
                            "opt-out-confirmation", "A")), d.actions());
            assertEquals(List.of("suppressed:opted_out", "suppressed:opted_out", "planned", "planned", "planned", "planned"), outcomes(d));
            assertEquals("guard:opt_out", d.audit().get(5).ruleId());
            assertEquals("opted_out", d.automationStatus());
        }

        @Test
        void confirmationIsSentEvenAtTheHourlyLimit() {
            assertEquals(1, replies(decide("stop", facts(0, 3, null))));
        }

        @Test
        void optedOutAuthorGetsNoRepliesButIsStillRoutedAndModerated() {
            Decision d = decide("where is my parcel?", facts(0, 0, Instant.parse("2025-01-01T00:00:00Z")));

            assertEquals(0, replies(d));
            assertTrue(d.actions().contains(new Action.Hide("test")));
            assertTrue(d.actions().contains(new Action.Escalate("general", 30, "everything")));
            assertEquals("author opted out at 2025-01-01T00:00:00Z", d.audit().get(0).detail());
            assertFalse(d.optOutRecorded());
            assertEquals("opted_out", d.automationStatus());
        }

        @Test
        void repeatedOptOutIsRecordedButNotConfirmedAgain() {
            Decision d = decide("STOP", facts(0, 0, Instant.parse("2025-01-01T00:00:00Z")));

            assertTrue(d.optOutRecorded());
            assertEquals(0, replies(d));
        }
    }

    @Nested
    class BotTurns {

        @Test
        void belowTheMaximumRepliesGoOut() {
            assertEquals(2, replies(decide("hi", facts(2, 0, null))));
        }

        @ParameterizedTest(name = "{0} bot turns (max 3)")
        @CsvSource({"3", "4"})
        void atTheMaximumRepliesStopAndTheRuleQueueIsKept(int turns) {
            Decision d = decide("hi", facts(turns, 0, null));

            assertEquals(0, replies(d));
            assertEquals(List.of("suppressed:bot_turns", "suppressed:bot_turns"), outcomes(d).subList(0, 2));
            assertEquals(List.of(new Action.Escalate("general", 30, "everything")), d.actionsOf(Action.Escalate.class));
        }

        @Test
        void unresolvedAfterTheMaximumTurnsAPersonFromSupportTakesOverAndTheCustomerIsTold() {
            AutomationEngine engine = Fixtures.engine("- {id: r, then: [{reply: ack}]}", SETTINGS);

            Decision d = engine.decide(Fixtures.comment("hi"), CLS, facts(3, 0, null), BUSINESS_HOURS);

            assertEquals(new Action.Escalate("support", 60, "bot_turns"), d.actions().get(0));
            assertEquals(2, d.actions().size(), d.actions()::toString);
            assertTrue(d.actions().get(1) instanceof Action.Reply reply && "handoff".equals(reply.templateId()),
                    d.actions()::toString);
            assertEquals("guard:bot_turns", d.audit().get(1).ruleId());
            assertEquals("escalated", d.automationStatus());
        }
    }

    @Nested
    class Handoff {

        private final AutomationEngine replyOnly = Fixtures.engine("- {id: r, then: [{reply: ack}]}", SETTINGS);

        @ParameterizedTest(name = "\"{0}\" -> handoff {1}")
        @CsvSource(delimiter = '|', value = {
                "je veux parler à un humain   | true",
                "HUMAN please                 | true",
                "can I talk to an agent?      | true",
                "Une vraie personne svp       | true",
                "humanity is doomed           | false",
                "the agenda                   | false",
        })
        void isRecognisedOnWholeWords(String text, boolean expected) {
            assertEquals(expected, replyOnly.decide(Fixtures.dm(text), CLS, ThreadFacts.firstMessage(), BUSINESS_HOURS).handoff());
        }

        @Test
        void handsTheThreadToSupportWithAHandoffMessageInsteadOfRuleReplies() {
            Decision d = replyOnly.decide(Fixtures.dm("Je veux parler à un humain"), Fixtures.cls("fr", "other", 0.5, 0),
                    ThreadFacts.firstMessage(), BUSINESS_HOURS);

            assertEquals(List.of(new Action.Escalate("support", 60, "handoff"),
                    reply(ReplyChannel.DM, "Je vous mets en relation avec un membre de l'équipe.", "handoff", "A")), d.actions());
            assertEquals(List.of("suppressed:handoff", "planned", "planned"), outcomes(d));
            assertEquals("handed_off", d.automationStatus());
        }

        @Test
        void raisesALowerPriorityRuleQueueToSupport() {
            Decision d = decide("can I talk to a human?", ThreadFacts.firstMessage());

            assertEquals(List.of(new Action.Escalate("support", 60, "handoff")), d.actionsOf(Action.Escalate.class));
            assertEquals(1, replies(d));
            assertEquals("Connecting you with a member of our team.", d.replies(ReplyChannel.PUBLIC).get(0).text());
        }

        @Test
        void keepsAHigherPriorityQueueChosenByTheRules() {
            AutomationEngine leads = Fixtures.engine("- {id: r, then: [{escalate: hot_leads}, {reply: ack}]}", SETTINGS);

            Decision d = leads.decide(Fixtures.dm("human please, I want 40 units"), CLS, ThreadFacts.firstMessage(), BUSINESS_HOURS);

            assertEquals(List.of(new Action.Escalate("hot_leads", 80, "r")), d.actionsOf(Action.Escalate.class));
            assertEquals("handed_off", d.automationStatus());
        }

        @Test
        void handoffMessageRespectsTheHourlyLimitButTheEscalationDoesNot() {
            Decision d = replyOnly.decide(Fixtures.dm("agent"), CLS, facts(0, 3, null), BUSINESS_HOURS);

            assertEquals(List.of(new Action.Escalate("support", 60, "handoff")), d.actions());
            assertTrue(outcomes(d).contains("suppressed:rate_limit"));
        }

        @Test
        void defaultPackUsesItsHandoffTemplateWithDisclosure() {
            AutomationEngine engine = AutomationEngine.loadDefaults(AutomationSettings.defaults(), Connectors.unconfigured().actionPolicy());
            Decision d = engine.decide(Fixtures.dm("humain svp"), Fixtures.cls("fr", "other", 0.5, 0), ThreadFacts.firstMessage(), BUSINESS_HOURS);

            assertEquals("Réponse automatisée : Je vous mets en relation avec un membre de l'équipe.",
                    d.replies(ReplyChannel.DM).get(0).text());
            assertEquals("support", d.actionsOf(Action.Escalate.class).get(0).queueKey());
        }
    }

    private static Action.Reply reply(ReplyChannel channel, String text, String templateId, String variant) {
        return new Action.Reply(channel, text, java.util.List.of(), null, templateId, variant);
    }
}

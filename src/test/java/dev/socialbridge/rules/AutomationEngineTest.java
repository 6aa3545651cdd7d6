package dev.socialbridge.rules;

import dev.socialbridge.connector.Connectors;
import dev.socialbridge.classify.Classification;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.socialbridge.rules.Fixtures.BUSINESS_HOURS;
import static dev.socialbridge.rules.Fixtures.cls;
import static dev.socialbridge.rules.Fixtures.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule evaluation semantics: order, stop/continue, enabled, kill switch, rollout, merging. */
class AutomationEngineTest {

    private static final AutomationSettings SETTINGS = AutomationSettings.defaults().withDisclosureEnabled(false);

    private static Decision decide(String rules, Classification c) {
        return Fixtures.engine(rules, SETTINGS).decide(comment("hello"), c, ThreadFacts.firstMessage(), BUSINESS_HOURS);
    }

    @Test
    void followerCountsAreNeededOnlyWhenAnEnabledRuleReadsThem() {
        assertTrue(AutomationEngine.loadDefaults(SETTINGS, Connectors.unconfigured().actionPolicy()).needsFollowerCounts(), "the default pack has a VIP rule");
        assertFalse(Fixtures.engine("""
                rules:
                  - id: praise
                    when: {intent: [praise]}
                    then: [{tag: thanks}]
                  - id: vip-off
                    enabled: false
                    when: {vip: true}
                    then: [{tag: vip}]
                """, SETTINGS).needsFollowerCounts());
        assertTrue(Fixtures.engine("""
                rules:
                  - id: big
                    when: {minFollowers: 50000}
                    then: [{tag: big}]
                """, SETTINGS).needsFollowerCounts());
    }

    @Test
    void firstMatchingRuleStopsEvaluationByDefault() {
        Decision d = decide("""
                - {id: a, when: {intent: [praise]}, then: [{tag: a}]}
                - {id: b, then: [{tag: b}]}
                - {id: c, then: [{tag: c}]}
                """, cls("other", 0.5));

        assertEquals(List.of("b"), d.matchedRuleIds());
        assertEquals(java.util.Set.of("b"), d.tags());
    }

    @Test
    void stopFalseLetsLaterRulesAddTheirActions() {
        Decision d = decide("""
                - {id: a, stop: false, then: [{tag: a}]}
                - {id: b, then: [{tag: b}]}
                - {id: c, then: [{tag: c}]}
                """, cls("other", 0.5));

        assertEquals(List.of("a", "b"), d.matchedRuleIds());
    }

    @Test
    void disabledRulesAreSkipped() {
        Decision d = decide("""
                - {id: a, enabled: false, then: [{tag: a}]}
                - {id: b, then: [{tag: b}]}
                """, cls("other", 0.5));

        assertEquals(List.of("b"), d.matchedRuleIds());
    }

    @Test
    void highestPriorityEscalationWinsAndTheOtherIsAuditedAsSuperseded() {
        Decision d = decide("""
                - {id: a, stop: false, then: [{escalate: general}]}
                - {id: b, stop: false, then: [{escalate: hot_leads}]}
                - {id: c, then: [{escalate: support}]}
                """, cls("other", 0.5));

        assertEquals(List.of(new Action.Escalate("hot_leads", 80, "b")), d.actions());
        assertEquals(List.of("suppressed:superseded", "planned", "suppressed:superseded"),
                d.audit().stream().map(AuditEntry::outcome).toList());
    }

    @Test
    void killSwitchSuppressesOutwardActionsButKeepsRoutingAndStillStops() {
        Decision d = decide("""
                - {id: a, killSwitch: true, then: [{reply: thanks}, {hide: spam}, {escalate: support}, {tag: t}]}
                - {id: b, then: [{reply: ack}]}
                """, cls("other", 0.5));

        assertEquals(List.of(new Action.Escalate("support", 60, "a"), new Action.Tag("t")), d.actions());
        assertEquals(List.of("suppressed:kill_switch", "suppressed:kill_switch", "planned", "planned"),
                d.audit().stream().map(AuditEntry::outcome).toList());
        assertEquals(List.of("a"), d.matchedRuleIds());
    }

    @Test
    void rolloutAppliesToAStableShareOfAuthors() {
        AutomationEngine engine = Fixtures.engine("- {id: a, rollout: 30, then: [{reply: ack}]}", SETTINGS);
        int replied = 0;
        for (int i = 0; i < 2000; i++) {
            var in = Fixtures.interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, "x", Author.of("author-" + i));
            Decision d1 = engine.decide(in, cls("other", 0.5), ThreadFacts.firstMessage(), BUSINESS_HOURS);
            Decision d2 = engine.decide(in, cls("other", 0.5), ThreadFacts.firstMessage(), BUSINESS_HOURS);
            assertEquals(d1.actions(), d2.actions());
            if (!d1.actions().isEmpty()) {
                replied++;
            } else {
                assertEquals("suppressed:rollout", d1.audit().get(0).outcome());
            }
        }
        assertTrue(replied > 500 && replied < 700, "replied to " + replied + " of 2000");
    }

    @Test
    void nonConversationalKindsGetNothing() {
        AutomationEngine engine = Fixtures.engine("- {id: a, then: [{tag: a}]}", SETTINGS);
        var reaction = Fixtures.interaction(Platform.INSTAGRAM, InteractionKind.REACTION, "", Author.of("a"));

        Decision d = engine.decide(reaction, cls("other", 0.5), ThreadFacts.firstMessage(), BUSINESS_HOURS);

        assertTrue(d.actions().isEmpty());
        assertEquals("suppressed:not_applicable", d.audit().get(0).outcome());
    }

    @Test
    void missingClassificationIsTreatedAsUnknownOther() {
        Decision d = decide("- {id: a, when: {intent: [other]}, then: [{tag: a}]}", null);

        assertEquals(List.of("a"), d.matchedRuleIds());
        assertEquals("other", d.audit().get(0).scores().intent());
    }

    @Test
    void everyAuditEntryCarriesTheClassifierScores() {
        Classification c = cls("en", "praise", 0.77, 0.6);
        Decision d = decide("- {id: a, then: [{reply: ack}, {tag: x}]}", c);

        assertTrue(d.audit().stream().allMatch(a -> a.scores().equals(c)));
    }

    @Test
    void decideIsSafeToCallFromManyThreads() throws Exception {
        AutomationEngine engine = AutomationEngine.loadDefaults(SETTINGS, Connectors.unconfigured().actionPolicy());
        Decision expected = engine.decide(comment("price?"), cls("sales_lead", 0.9), ThreadFacts.firstMessage(), BUSINESS_HOURS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Decision>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> engine.decide(comment("price?"), cls("sales_lead", 0.9), ThreadFacts.firstMessage(), BUSINESS_HOURS)));
            }
            for (Future<Decision> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}

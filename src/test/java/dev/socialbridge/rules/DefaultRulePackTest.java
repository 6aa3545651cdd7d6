package dev.socialbridge.rules;

import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.classify.Classification;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.socialbridge.rules.Fixtures.BUSINESS_HOURS;
import static dev.socialbridge.rules.Fixtures.cls;
import static dev.socialbridge.rules.Fixtures.comment;
import static dev.socialbridge.rules.Fixtures.dm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled default pack against the playbook, with hand-made classifications. */
class DefaultRulePackTest {

    private static final AutomationEngine ENGINE = AutomationEngine.loadDefaults(AutomationSettings.defaults().withBrand("Maison Lune"), Connectors.unconfigured().actionPolicy());

    private static Decision decide(Interaction in, Classification c) {
        return ENGINE.decide(in, c, ThreadFacts.firstMessage(), BUSINESS_HOURS);
    }

    private static List<String> types(Decision d) {
        return d.actions().stream().map(Action::type).toList();
    }

    private static String queue(Decision d) {
        List<Action.Escalate> e = d.actionsOf(Action.Escalate.class);
        return e.isEmpty() ? null : e.get(0).queueKey();
    }

    @Test
    void buyingCommentGetsPublicAckPrivateQualifierAndHotLead() {
        Decision d = decide(comment("How much is the large candle? I want to buy 3"), cls("sales_lead", 0.9));

        assertEquals(List.of("public_reply", "private_reply", "qualify", "escalate", "mark_lead", "tag"), types(d));
        assertEquals("hot_leads", queue(d));
        assertEquals(80, d.actionsOf(Action.Escalate.class).get(0).priority());
        assertEquals("Automated reply: Thanks! We've sent you a DM 📩", d.replies(ReplyChannel.PUBLIC).get(0).text());
        // the qualifier flow's first question, privately, without buttons (a private reply takes text only)
        assertEquals("Automated reply: Thanks for your interest! So we can put the right offer together: what exactly"
                + " are you looking for?", d.replies(ReplyChannel.PRIVATE).get(0).text());
        assertEquals(new Action.Qualify("lead-qualifier", "en"), d.actionsOf(Action.Qualify.class).get(0));
        assertTrue(d.lead());
        assertEquals(List.of("hot-lead-public"), d.matchedRuleIds());
        assertEquals("escalated", d.automationStatus());
    }

    @Test
    void buyingMentionIsAnsweredUnderTheMentionWithAnInvitationToDm() {
        Decision d = decide(Fixtures.interaction(Platform.INSTAGRAM, InteractionKind.MENTION,
                "@maisonlune how much is the large candle? want 3", Author.of("author-1")), cls("sales_lead", 0.9));

        assertEquals(List.of("hot-lead-mention"), d.matchedRuleIds());
        assertEquals(List.of("public_reply", "escalate", "mark_lead", "tag"), types(d));
        assertEquals("Automated reply: Thanks! Send us a DM and we'll put an offer together for you 📩",
                d.replies(ReplyChannel.PUBLIC).get(0).text());
        assertEquals("hot_leads", queue(d));
    }

    @Test
    void frenchBuyingCommentUsesFirstNameInTheAck() {
        ThreadFacts facts = ThreadFacts.firstMessage().withTokens(Map.of("first_name", "Marie"));
        Decision d = ENGINE.decide(comment("c'est combien ?"), cls("fr", "sales_lead", 0.9, 0.1), facts, BUSINESS_HOURS);

        assertEquals("Réponse automatisée : Merci Marie ! On vous écrit en privé 📩",
                d.replies(ReplyChannel.PUBLIC).get(0).text());
    }

    @Test
    void buyingDmGetsQualifierDmOnly() {
        Decision d = decide(dm("Do you ship to Canada? I'd like a quote for 50 units"), cls("sales_lead", 0.8));

        assertEquals(List.of("dm", "qualify", "escalate", "mark_lead", "tag"), types(d));
        assertEquals("hot_leads", queue(d));
    }

    @Test
    void refundDmIsAcknowledgedAndEscalatedToSupport() {
        Decision d = decide(dm("I want a refund for my order"), cls("refund_cancel", 0.85));

        assertEquals("support", queue(d));
        assertEquals(List.of("dm", "escalate", "tag"), types(d));
    }

    @Test
    void spamIsHiddenAndNotEscalated() {
        Decision d = decide(comment("Check my channel!!! free followers"), cls("spam", 0.95));

        assertEquals(List.of("hide", "tag"), types(d));
        assertEquals(null, queue(d));
        assertEquals("automated", d.automationStatus());
    }

    @Test
    void toxicIsHiddenAndSentToModerationReview() {
        Decision d = decide(comment("you are all idiots"), cls("toxic", 0.9));

        assertEquals(List.of("hide", "escalate", "tag", "notify"), types(d));
        assertEquals("moderation_review", queue(d));
        assertTrue(d.actionsOf(Action.Notify.class).get(0).text().contains("block @author-1."), d.actions().toString());
    }

    @Test
    void praiseGetsAShortPublicThanks() {
        Decision d = decide(comment("Love this brand!"), cls("praise", 0.9));

        assertEquals(List.of("public_reply", "tag"), types(d));
        String text = d.replies(ReplyChannel.PUBLIC).get(0).text();
        assertTrue(text.equals("Automated reply: Thank you so much! 🙏") || text.equals("Automated reply: Thanks, this made our day! 💛"), text);
        assertEquals(null, queue(d));
    }

    @ParameterizedTest(name = "{0} followers, verified={1} -> {2}")
    @CsvSource({
            "12000, false, vip_partners",
            "10000, false, vip_partners",
            "9999,  false, support",
            "50,    true,  vip_partners",
    })
    void influencersAndVerifiedAccountsGoToVipPartners(long followers, boolean verified, String expectedQueue) {
        Author author = Fixtures.author("x", followers, verified);
        Interaction in = Fixtures.interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, "my order never arrived", author);

        assertEquals(expectedQueue, queue(decide(in, cls("support", 0.9))));
    }

    @Test
    void stronglyNegativeMessageGoesToSupportWhateverTheIntent() {
        Decision d = decide(comment("worst experience ever, never again"), cls("en", "other", 0.7, -0.8));

        assertEquals("support", queue(d));
        assertEquals(List.of("strongly-negative"), d.matchedRuleIds());
    }

    @Test
    void questionWithoutFaqLinkGetsHoldingAnswerAndGeneralQueue() {
        Decision d = decide(comment("Are you open on Sundays?"), cls("question", 0.8));

        assertEquals("Automated reply: Hi! Good question! Someone from our team will answer shortly.",
                d.replies(ReplyChannel.PUBLIC).get(0).text());
        assertEquals("general", queue(d));
    }

    @Test
    void questionWithFaqLinkPointsToIt() {
        ThreadFacts facts = ThreadFacts.firstMessage().withTokens(Map.of("link", "https://example.com/faq"));
        Decision d = ENGINE.decide(comment("Are you open on Sundays?"), cls("question", 0.8), facts, BUSINESS_HOURS);

        assertTrue(d.replies(ReplyChannel.PUBLIC).get(0).text().contains("👉 https://example.com/faq"));
    }

    @Test
    void campaignVisitorIsAHotLead() {
        ThreadFacts facts = new ThreadFacts(true, 0, 0, null, "SUMMER25", Map.of());
        Decision d = ENGINE.decide(dm("hello"), cls("other", 0.6), facts, BUSINESS_HOURS);

        assertEquals("hot_leads", queue(d));
        assertTrue(d.tags().contains("campaign"));
    }

    @Test
    void confidenceGate_anUnsureCampaignVisitorStillGetsTheQualifierFlow() {
        ThreadFacts facts = new ThreadFacts(true, 0, 0, null, "SUMMER25", Map.of());
        Decision d = ENGINE.decide(dm("hello"), cls("other", 0.2), facts, BUSINESS_HOURS);

        assertEquals(List.of("campaign-lead"), d.matchedRuleIds());
        assertEquals(1, d.actionsOf(Action.Qualify.class).size());
        assertTrue(d.heldBack().isEmpty());
    }

    @Test
    void confidenceGate_buyingWordsAreAnsweredHoweverUnsureTheClassifier() {
        Decision d = decide(comment("Quel est le prix ?"), cls("fr", "question", 0.2, 0));

        assertEquals(1, d.replies(ReplyChannel.PRIVATE).size());
        assertTrue(d.heldBack().isEmpty());
    }

    @Test
    void confidenceGate_aToxicGuessBelowTheHideGateStaysVisibleForAModerator() {
        Decision d = decide(comment("you are all clowns"), cls("toxic", 0.62));

        assertEquals(List.of("toxic-moderation"), d.matchedRuleIds());
        assertTrue(d.actionsOf(Action.Hide.class).isEmpty());
        assertEquals("moderation_review", queue(d));
        assertTrue(d.actionsOf(Action.Notify.class).stream().anyMatch(n -> n.text().equals("Automation held back: the"
                + " classifier guessed \"toxic\" at 0.62, below the gate 0.80 for hiding. Check and act by hand.")));
    }

    @Test
    void confidenceGate_anUnsureRefundIsNotAcknowledgedButRoutedToSupport() {
        Decision d = decide(comment("I want my money back"), cls("refund_cancel", 0.35));

        assertEquals(List.of("refund-cancel"), d.matchedRuleIds());
        assertTrue(d.actionsOf(Action.Reply.class).isEmpty());
        assertEquals("support", queue(d));
        assertEquals("suppressed:low_confidence", d.heldBack().get(0).outcome());
    }

    @Test
    void unsureClassifierWithBuyingWordsStillFindsTheLead() {
        Decision d = decide(comment("Quel est le prix ?"), cls("fr", "question", 0.4, 0));

        assertEquals(List.of("buying-keywords"), d.matchedRuleIds());
        assertEquals("hot_leads", queue(d));
    }

    @Test
    void newDmOutsideBusinessHoursSaysWhenWeAnswer() {
        Decision d = ENGINE.decide(dm("hello?"), cls("other", 0.5), ThreadFacts.firstMessage(), Fixtures.NIGHT);

        assertEquals(List.of("direct-after-hours"), d.matchedRuleIds());
        assertTrue(d.replies(ReplyChannel.DM).get(0).text().contains("away right now"));
    }

    @Test
    void chatterCommentGetsNoAutomation() {
        Decision d = decide(comment("lol @friend"), cls("other", 0.9));

        assertTrue(d.actions().isEmpty());
        assertEquals("human", d.automationStatus());
        assertEquals("no_match", d.audit().get(0).outcome());
    }

    @Test
    void bundledCopyInPluginRulesIsIdenticalToTheClasspathPack() throws Exception {
        for (String name : List.of("default-rules.yaml", "default-templates.yaml")) {
            assertEquals(Files.readString(Path.of("src/main/resources/automation", name)),
                    Files.readString(Path.of("plugin/rules", name)), name);
        }
    }

    @Test
    void bundledPackValidatesFromThePluginCopy() {
        assertEquals(List.of(), AutomationEngine.validate(Path.of("plugin/rules/default-rules.yaml"),
                Path.of("plugin/rules/default-templates.yaml")));
        assertFalse(ENGINE.ruleIds().isEmpty());
    }
}

package dev.socialbridge.rules;

import static dev.socialbridge.rules.Fixtures.BUSINESS_HOURS;
import static dev.socialbridge.rules.Fixtures.cls;
import static dev.socialbridge.rules.Fixtures.comment;
import static dev.socialbridge.rules.Fixtures.dm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.TextLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code qualify: flow-id} action: validated against the templates file's flows, and its first question. */
class QualifyActionTest {
    static final String TEMPLATES = """
            templates:
              thanks:
                en: "Thanks!"
            flows:
              lead:
                steps:
                  - {id: need, type: text, fr: "Que recherchez-vous ?", en: "What are you looking for?",
                     quickReplies: ["Candles", "Soaps", "Gift box"]}
                  - {id: mail, type: email, en: "Your email?"}
                thanks: {en: "Thank you!"}
            """;
    static final String RULES = """
            rules:
              - id: buy
                when: {intent: [sales_lead]}
                then:
                  - qualify: lead
                  - escalate: hot_leads
            """;
    /** Two buttons at most, every channel allowed. */
    static final ActionPolicy TWO_BUTTONS = new ActionPolicy() {
        @Override
        public Optional<String> replyRefusal(Interaction interaction, ReplyChannel channel) {
            return Optional.empty();
        }

        @Override
        public TextLimit textLimit(Platform platform, ReplyChannel channel) {
            return TextLimit.chars(2000);
        }

        @Override
        public Optional<String> hideRefusal(Interaction interaction) {
            return Optional.empty();
        }

        @Override
        public int maxQuickReplies(Platform platform) {
            return 2;
        }
    };

    @TempDir
    Path dir;

    private List<String> validate(String rules, String templates) throws IOException {
        return AutomationEngine.validate(Files.writeString(dir.resolve("rules.yaml"), rules),
                Files.writeString(dir.resolve("templates.yaml"), templates));
    }

    private AutomationEngine engine() throws IOException {
        return AutomationEngine.load(Files.writeString(dir.resolve("rules.yaml"), RULES),
                Files.writeString(dir.resolve("templates.yaml"), TEMPLATES), AutomationSettings.defaults(), TWO_BUTTONS);
    }

    @Test
    void aRuleMayStartAFlowOfTheTemplatesFile() throws IOException {
        assertEquals(List.of(), validate(RULES, TEMPLATES));
    }

    @Test
    void anUnknownFlowIsNamedWithTheKnownOnes() throws IOException {
        assertEquals(List.of("rules.yaml: rule 'buy' (#1): then[0].qualify: unknown qualifier flow 'leads' (known: lead)"),
                validate(RULES.replace("qualify: lead", "qualify: leads"), TEMPLATES));
    }

    @Test
    void aFlowNeedsATemplatesFileWithFlows() throws IOException {
        assertEquals(List.of("rules.yaml: rule 'buy' (#1): then[0].qualify: unknown qualifier flow 'lead' (the templates"
                + " file defines none under 'flows:')"), validate(RULES, "templates:\n  thanks:\n    en: \"Thanks!\"\n"));
    }

    @Test
    void theFlowIdMustBeText() throws IOException {
        assertEquals(List.of("rules.yaml: rule 'buy' (#1): then[0].qualify: expected a string, found a list"),
                validate(RULES.replace("qualify: lead", "qualify: [lead]"), TEMPLATES));
    }

    @Test
    void anInvalidFlowIsReportedWithTheTemplatesFileProblems() throws IOException {
        List<String> problems = validate(RULES, TEMPLATES.replace("type: email", "type: mail"));

        assertEquals(List.of("templates.yaml: flow 'lead': steps[1].type: unknown type 'mail' (expected one of text,"
                + " quantity, budget, timing, email, phone, contact)",
                "rules.yaml: rule 'buy' (#1): then[0].qualify: unknown qualifier flow 'lead' (the templates file defines"
                        + " none under 'flows:')"), problems);
    }

    @Test
    void onACommentTheFirstQuestionIsAPrivateReplyWithoutButtons() throws IOException {
        Decision d = engine().decide(comment("I want to buy"), cls("sales_lead", 0.9), ThreadFacts.firstMessage(),
                BUSINESS_HOURS);

        Action.Reply q = d.actionsOf(Action.Reply.class).get(0);
        assertEquals(ReplyChannel.PRIVATE, q.channel());
        assertEquals("Automated reply: What are you looking for?", q.text());
        assertEquals(List.of(), q.quickReplies());
        assertEquals("qualify:lead", q.templateId());
        assertEquals(List.of(new Action.Qualify("lead", "en")), d.actionsOf(Action.Qualify.class));
    }

    @Test
    void inAConversationTheFirstQuestionOffersTheButtonsThePlatformTakes() throws IOException {
        Decision d = engine().decide(dm("je voudrais acheter"), cls("fr", "sales_lead", 0.9, 0), ThreadFacts.firstMessage(),
                BUSINESS_HOURS);

        Action.Reply q = d.actionsOf(Action.Reply.class).get(0);
        assertEquals(ReplyChannel.DM, q.channel());
        assertEquals("Réponse automatisée : Que recherchez-vous ?", q.text());
        assertEquals(List.of("Candles", "Soaps"), q.quickReplies());
        assertEquals(List.of(new Action.Qualify("lead", "fr")), d.actionsOf(Action.Qualify.class));
    }

    @Test
    void anOptedOutAuthorGetsNoQuestionAndNoFlow() throws IOException {
        Decision d = engine().decide(dm("I want to buy"), cls("sales_lead", 0.9),
                new ThreadFacts(true, 0, 0, BUSINESS_HOURS.minusSeconds(60), null, java.util.Map.of()), BUSINESS_HOURS);

        assertEquals(List.of(), d.actionsOf(Action.Reply.class));
        assertEquals(List.of(), d.actionsOf(Action.Qualify.class));
    }
}

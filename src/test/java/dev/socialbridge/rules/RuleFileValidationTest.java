package dev.socialbridge.rules;

import dev.socialbridge.connector.Connectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule and template files are validated as a whole: every problem, naming file, rule or template, and key. */
class RuleFileValidationTest {

    private static final Path DIR = Path.of("test-fixtures/rules");
    private static final Path TEMPLATES = DIR.resolve("templates.yaml");

    static Stream<Arguments> invalidRuleFiles() {
        return Stream.of(
                Arguments.of("invalid-unknown-values.yaml", List.of(
                        "invalid-unknown-values.yaml: rule 'hot-lead' (#1): when.platform: unknown platform 'myspace' (expected one of instagram, facebook, messenger, whatsapp, tiktok, youtube, x, linkedin, telegram)",
                        "invalid-unknown-values.yaml: rule 'hot-lead' (#1): when.kind: unknown kind 'reel' (expected one of comment, comment_edited, comment_removed, comment_hidden, dm, group_message, message_edited, mention, story_reply, story_mention, postback, referral, reaction, receipt)",
                        "invalid-unknown-values.yaml: rule 'hot-lead' (#1): when.intent: unknown intent 'buy' (expected one of sales_lead, support, refund_cancel, complaint, praise, question, spam, toxic, other)",
                        "invalid-unknown-values.yaml: rule 'hot-lead' (#1): when.language: unknown language 'de' (expected one of fr, en, other)",
                        "invalid-unknown-values.yaml: rule 'vip' (#2): when.sentiment: unknown sentiment 'angry' (expected one of negative, neutral, positive)",
                        "invalid-unknown-values.yaml: rule 'vip' (#2): then[1].escalate: unknown queue 'vip' (expected hot_leads, vip_partners, support, moderation_review, general)")),
                Arguments.of("invalid-keys.yaml", List.of(
                        "invalid-keys.yaml: rule 'typo' (#1): enabeld: unknown key (expected one of id, description, enabled, stop, when, then, rollout, killSwitch, confidenceGate)",
                        "invalid-keys.yaml: rule 'typo' (#1): when.intnet: unknown condition (expected one of platform, kind, intent, minConfidence, sentiment, sentimentAtMost, sentimentAtLeast, language, keywords, regex, minFollowers, verified, vip, campaignTag, firstMessageInThread, minBotTurns, maxBotTurns, businessHours, timeOfDay)",
                        "invalid-keys.yaml: rule 'typo' (#1): then[0].replyy: unknown action (expected one of reply, privateReply, dm, qualify, hide, escalate, tag, markLead, notify)",
                        "invalid-keys.yaml: rule 'typo' (#1): then[1]: expected exactly one action, found reply, tag",
                        "invalid-keys.yaml: rule 'typo' (#1): then[2]: 'stop' is not an action; set 'stop: true' on the rule")),
                Arguments.of("invalid-ranges.yaml", List.of(
                        "invalid-ranges.yaml: rule 'negative-followers' (#1): when.minFollowers: -5 is out of range (expected at least 0)")),
                Arguments.of("invalid-regex.yaml", List.of(
                        "invalid-regex.yaml: rule 'order-number' (#1): when.regex: invalid regex '(order [0-9+': Unclosed character class near index 11")),
                Arguments.of("invalid-template-ids.yaml", List.of(
                        "invalid-template-ids.yaml: rule 'praise' (#1): then[0].reply: unknown template 'thanks-x' (known: qualifier, support-ack, thanks)",
                        "invalid-template-ids.yaml: rule 'praise' (#1): then[1].privateReply: must not be blank")),
                Arguments.of("invalid-ids.yaml", List.of(
                        "invalid-ids.yaml: rule 'same' (#2): id: duplicate rule id 'same'",
                        "invalid-ids.yaml: rule #3: id: missing",
                        "invalid-ids.yaml: rule 'has space' (#4): id: must be a name of letters, digits, '_', '.', ':' or '-', found 'has space'")),
                Arguments.of("invalid-types.yaml", List.of(
                        "invalid-types.yaml: rule 'types' (#1): enabled: expected true or false, found 'yes'",
                        "invalid-types.yaml: rule 'types' (#1): rollout: 150 is out of range (expected 0 to 100)",
                        "invalid-types.yaml: rule 'types' (#1): when.minConfidence: 1.5 is out of range (expected 0 to 1)",
                        "invalid-types.yaml: rule 'types' (#1): when.minFollowers: expected a whole number, found 'lots'",
                        "invalid-types.yaml: rule 'types' (#1): when.keywords: keyword '!!!' has no letter or digit and can never match",
                        "invalid-types.yaml: rule 'types' (#1): when.timeOfDay.from: '9h' is not a time (expected \"HH:mm\")",
                        "invalid-types.yaml: rule 'types' (#1): when.timeOfDay.to: '25:00' is not a time (expected \"HH:mm\")",
                        "invalid-types.yaml: rule 'types' (#1): when.firstMessageInThread: expected true or false, found 1",
                        "invalid-types.yaml: rule 'types' (#1): when.sentimentAtLeast: 0.5 is above sentimentAtMost -0.5, the rule can never match",
                        "invalid-types.yaml: rule 'types' (#1): then[0].priority: 150 is out of range (expected 0 to 100)",
                        "invalid-types.yaml: rule 'types' (#1): then[1].markLead: expected a whole number, found 'many'")),
                Arguments.of("invalid-structure.yaml", List.of(
                        "invalid-structure.yaml: rule 'no-then' (#1): then: missing (a rule without actions only stops evaluation: write 'then: []')",
                        "invalid-structure.yaml: rule #2: expected a mapping with id, when, then, found 'just a string'",
                        "invalid-structure.yaml: rule 'then-not-a-list' (#3): then: expected a list of actions, found a mapping")),
                Arguments.of("invalid-yaml.yaml", List.of(
                        "invalid-yaml.yaml: not valid YAML: while parsing a flow sequence; expected ',' or ']', but got } (line 3, column 27)")),
                Arguments.of("invalid-duplicate-keys.yaml", List.of(
                        "invalid-duplicate-keys.yaml: not valid YAML: Duplicate field 'intent' (line 5, column 13)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRuleFiles")
    void reportsEveryProblemOfAnInvalidRulesFile(String file, List<String> expected) {
        assertEquals(expected, AutomationEngine.validate(DIR.resolve(file), TEMPLATES));
    }

    @Test
    void reportsEveryProblemOfAnInvalidTemplatesFile() {
        assertEquals(List.of(
                "invalid-templates.yaml: template 'greet': en.greting: unknown part (expected one of greeting, empathy, answer, next_step, signature)",
                "invalid-templates.yaml: template 'greet': en.answer: unknown token {firstname} (expected one of first_name, brand, product, order_id, agent_name, link)",
                "invalid-templates.yaml: template 'bad-fallback': fallback: a fallback may only use {brand} (it is used when other tokens are unknown)",
                "invalid-templates.yaml: template 'bad-variants': variants.A: 'A' is reserved for the control (the template's own fr/en texts)",
                "invalid-templates.yaml: template 'bad-variants': variants.B.de: unknown key (expected one of fr, en)",
                "invalid-templates.yaml: template 'bad-variants': variants.B: needs an 'fr' or 'en' text (or both)",
                "invalid-templates.yaml: template 'bad-variants': rollout: 101 is out of range (expected 0 to 100)",
                "invalid-templates.yaml: template 'empty': needs an 'fr' or 'en' text (or both)",
                "invalid-templates.yaml: template 'unclosed': fr: '{' without a closing '}'",
                "invalid-templates.yaml: template 'note-token': en: unknown token {followers} (expected one of first_name, brand, product, order_id, agent_name, link)",
                "invalid-templates.yaml: disclosure.de: unknown key (expected one of fr, en)"),
                AutomationEngine.validate(DIR.resolve("valid-tags-only.yaml"), DIR.resolve("invalid-templates.yaml")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-minimal.yaml", "valid-every-key.yaml", "valid-tags-only.yaml"})
    void acceptsAValidRulesFile(String file) {
        assertEquals(List.of(), AutomationEngine.validate(DIR.resolve(file), TEMPLATES));
    }

    @Test
    void disabledRulesAreValidatedButNotLoaded() {
        AutomationEngine engine = AutomationEngine.load(DIR.resolve("valid-every-key.yaml"), TEMPLATES, AutomationSettings.defaults(), Connectors.unconfigured().actionPolicy());

        assertEquals(List.of("everything"), engine.ruleIds());
    }

    @Test
    void loadThrowsWithAllProblemsInTheMessage() {
        RuleValidationException e = assertThrows(RuleValidationException.class,
                () -> AutomationEngine.load(DIR.resolve("invalid-ids.yaml"), TEMPLATES, AutomationSettings.defaults(), Connectors.unconfigured().actionPolicy()));

        assertEquals(3, e.problems().size());
        assertTrue(e.getMessage().contains("invalid-ids.yaml: rule #3: id: missing"), e.getMessage());
    }

    @Test
    void missingFileIsReportedByName() {
        List<String> problems = AutomationEngine.validate(DIR.resolve("nope.yaml"), TEMPLATES);

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("nope.yaml: cannot read "), problems.get(0));
    }

    @Test
    void rulesFileMustHoldAList() {
        assertEquals(List.of("rules.yaml: expected a list of rules (or a mapping with 'rules:'), found no 'rules' key",
                        "rules.yaml: rulez: unknown key (expected one of rules)").stream().sorted().toList(),
                Fixtures.problems("rulez: []").stream().sorted().toList());
    }
}

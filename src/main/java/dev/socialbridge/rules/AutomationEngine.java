package dev.socialbridge.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.classify.Classification;
import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.guard.GuardRails;
import dev.socialbridge.guard.GuardWords;
import dev.socialbridge.guard.ReplyGate;
import dev.socialbridge.guard.Suppression;
import dev.socialbridge.guard.TextNormalizer;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.templates.TemplateCatalog;
import dev.socialbridge.templates.YamlNodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The automation decision core: ordered declarative rules over an interaction, its classification
 * and its thread, producing actions (replies, hide, escalate, tag, lead, note) under guard rails.
 *
 * <p>Lifecycle: built once by {@link #load} or {@link #loadDefaults}, which read, validate and compile
 * the rules and templates files and throw {@link RuleValidationException} listing every problem.
 * Afterwards the engine is immutable and thread-safe; {@link #decide} is pure (no I/O, no clock: the
 * caller passes {@code now}) and cheap (precompiled conditions, one text normalisation per call).
 *
 * <p>Evaluation: enabled rules in file order; a rule matches when all its conditions hold; a match
 * plans its actions and ends evaluation unless the rule says {@code stop: false}. Guard rails, in
 * order: our own accounts get nothing; non-conversational kinds (reactions, edits, receipts) get
 * nothing; opted-out authors get no replies; a handoff request ("agent", "humain", "human") replaces
 * rule replies by a handoff message and escalates to support (or to the rule's queue when its
 * priority is higher, e.g. hot leads); a thread at
 * the bot-turn limit gets no replies and is escalated (to general unless a rule escalated); at most
 * N replies per author per hour, counting those planned in the same decision.
 *
 * <p>Confidence gate ({@link ConfidenceGate}, from the settings): a rule that reads the classifier's output and
 * matches a guess below the gate has its replies, DMs, qualifier flows and hides held back
 * ({@code suppressed:low_confidence}, see {@link Decision#heldBack()}); its routing, tags, lead points and notes still
 * apply, a note shows the guess, and a held-back hide escalates to moderation review.
 *
 * <p>Opt-out (STOP, arrêt, désabonner, unsubscribe): the message sets {@link Decision#optOutRecorded()}
 * (the caller stores the time); rule replies are suppressed, and — as is industry practice for
 * SMS/WhatsApp keywords — one confirmation is sent (template {@code opt-out-confirmation}, else a
 * built-in text), exempt from the hourly and bot-turn limits, and not repeated for an author already
 * opted out. Hide, escalate, tag, lead and notes still apply to opted-out authors.
 */
public final class AutomationEngine {

    static final String DEFAULT_RULES = "automation/default-rules.yaml";
    static final String DEFAULT_TEMPLATES = "automation/default-templates.yaml";
    private static final Classification UNKNOWN = new Classification("other", "other", 0, "neutral", 0);
    /** The policy of an engine built only to validate files: it never decides. */
    private static final ActionPolicy VALIDATION_ONLY = new ActionPolicy() {
        @Override
        public java.util.Optional<String> replyRefusal(Interaction interaction, dev.socialbridge.interaction.ReplyChannel channel) {
            throw new UnsupportedOperationException("validation only");
        }

        @Override
        public dev.socialbridge.interaction.TextLimit textLimit(dev.socialbridge.interaction.Platform platform,
                                                                 dev.socialbridge.interaction.ReplyChannel channel) {
            throw new UnsupportedOperationException("validation only");
        }

        @Override
        public java.util.Optional<String> hideRefusal(Interaction interaction) {
            throw new UnsupportedOperationException("validation only");
        }
    };

    private final List<Rule> rules;
    private final Rule[] ruleArray;
    private final TemplateCatalog templates;
    private final AutomationSettings settings;
    private final GuardRails rails;
    private final ActionPolicy policy;

    private AutomationEngine(List<Rule> rules, TemplateCatalog templates, AutomationSettings settings, ActionPolicy policy) {
        this.rules = List.copyOf(rules);
        this.ruleArray = rules.toArray(Rule[]::new);
        this.templates = templates;
        this.settings = settings;
        this.policy = policy;
        this.rails = new GuardRails(settings.ownAccountIds(), settings.maxRepliesPerAuthorPerHour(),
                settings.maxBotTurnsPerThread());
    }

    /**
     * Loads and validates a rules file and a templates file.
     *
     * @param rulesFile     rules YAML; null for the bundled default rules
     * @param templatesFile templates YAML; null for the bundled default templates
     * @param policy        what each platform's connector lets automation do (reply channels, limits, hiding)
     * @throws RuleValidationException listing every problem of both files
     */
    public static AutomationEngine load(Path rulesFile, Path templatesFile, AutomationSettings settings,
                                        ActionPolicy policy) {
        List<String> problems = new ArrayList<>();
        TemplateCatalog catalog = templatesFile == null
                ? TemplateCatalog.parse("default-templates.yaml", resource(DEFAULT_TEMPLATES, problems), problems)
                : TemplateCatalog.load(templatesFile, problems);
        String rulesName = rulesFile == null ? "default-rules.yaml" : String.valueOf(rulesFile.getFileName());
        JsonNode root = rulesFile == null ? resource(DEFAULT_RULES, problems) : YamlNodes.read(rulesFile, problems);
        List<Rule> rules = root == null ? List.of() : new RuleFileParser(rulesName, catalog.ids(), catalog.flows().ids(),
                problems).parse(root);
        if (!problems.isEmpty()) {
            throw new RuleValidationException(problems);
        }
        return new AutomationEngine(rules, catalog, Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(policy, "policy"));
    }

    /** The bundled default rule pack and templates. */
    public static AutomationEngine loadDefaults(AutomationSettings settings, ActionPolicy policy) {
        return load(null, null, settings, policy);
    }

    /** Every problem of the two files (null = bundled), or an empty list: for {@code verify}. */
    public static List<String> validate(Path rulesFile, Path templatesFile) {
        try {
            load(rulesFile, templatesFile, AutomationSettings.defaults(), VALIDATION_ONLY);
            return List.of();
        } catch (RuleValidationException e) {
            return e.problems();
        }
    }

    /**
     * Decides what automation does for one interaction.
     *
     * @param classification what the classifier understood; null is treated as intent "other", confidence 0
     * @param facts          the thread and author state from the store, not null
     * @param now            the decision time (business hours, time of day)
     * @return the decision; never null, always with at least one audit entry
     */
    public Decision decide(Interaction interaction, Classification classification, ThreadFacts facts, Instant now) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(now, "now");
        Classification scores = classification == null ? UNKNOWN : classification;
        if (rails.isOwnAccount(interaction)) {
            return nothing(scores, Suppression.OWN_ACCOUNT, "authored by our own account");
        }
        if (!interaction.kind().isConversational()) {
            return nothing(scores, Suppression.NOT_APPLICABLE, "kind " + interaction.kind().id() + " is not a message");
        }
        String folded = TextNormalizer.fold(interaction.text());
        boolean optOut = GuardWords.isOptOut(folded);
        boolean handoff = GuardWords.isHandoff(folded);
        ReplyGate gate = new ReplyGate(rails, optOut || facts.authorOptedOutAt() != null, handoff,
                facts.botTurnsInThread(), facts.automatedRepliesToAuthorLastHour());
        RuleContext ctx = new RuleContext(interaction, scores, facts, settings, policy, folded, now);
        DecisionBuilder builder = new DecisionBuilder(ctx, templates, gate, optOut, handoff);
        for (Rule rule : ruleArray) {
            if (rule.matches(ctx)) {
                builder.plan(rule);
                if (rule.stop()) {
                    break;
                }
            }
        }
        return builder.build();
    }

    /**
     * Whether an enabled rule reads the author's follower count, so that it is worth looking the count up
     * when the platform's webhook does not carry it.
     */
    public boolean needsFollowerCounts() {
        return rules.stream().anyMatch(Rule::usesFollowers);
    }

    /** Ids of the enabled rules, in evaluation order. */
    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).toList();
    }

    /** The qualifier flows of the templates file, their messages prefixed by the disclosure when it is on. */
    public dev.socialbridge.leads.QualifierFlows qualifierFlows() {
        return settings.disclosureEnabled() ? templates.flows().withDisclosure(new dev.socialbridge.leads.QualifierStep.Texts(
                templates.disclosure("fr"), templates.disclosure("en"))) : templates.flows();
    }

    /** Ids of the templates. */
    public Set<String> templateIds() {
        return templates.ids();
    }

    public AutomationSettings settings() {
        return settings;
    }

    private static Decision nothing(Classification scores, Suppression why, String detail) {
        AuditEntry entry = new AuditEntry(null, null, null, AuditEntry.NONE, why.outcome(), scores, detail);
        return new Decision(List.of(), List.of(), List.of(entry), false, false, Decision.HUMAN, Set.of(), false);
    }

    private static JsonNode resource(String name, List<String> problems) {
        try (InputStream in = AutomationEngine.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + name + " missing from the classpath");
            }
            return YamlNodes.read(name.substring(name.lastIndexOf('/') + 1), in, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

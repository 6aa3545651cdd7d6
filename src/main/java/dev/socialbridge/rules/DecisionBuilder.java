package dev.socialbridge.rules;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.descriptor.QueueKeys;
import dev.socialbridge.guard.ReplyGate;
import dev.socialbridge.guard.Suppression;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.interaction.TextLimit;
import dev.socialbridge.leads.QualifierFlow;
import dev.socialbridge.templates.LengthLimits;
import dev.socialbridge.templates.RenderedText;
import dev.socialbridge.templates.StableBucket;
import dev.socialbridge.templates.TemplateCatalog;
import dev.socialbridge.templates.Token;
import dev.socialbridge.templates.TokenValues;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the matched rules of one decision into actions and audit entries, applying the guard rails.
 * One instance per decision; not thread-safe.
 */
final class DecisionBuilder {

    static final String HANDOFF_TEMPLATE = "handoff";
    static final String OPT_OUT_TEMPLATE = "opt-out-confirmation";
    static final String GUARD_HANDOFF = "guard:handoff";
    static final String GUARD_OPT_OUT = "guard:opt_out";
    static final String GUARD_BOT_TURNS = "guard:bot_turns";

    private final RuleContext ctx;
    private final TemplateCatalog templates;
    private final ReplyGate gate;
    private final HeldBack heldBack;
    private final Classification scores;
    private final boolean optOutMessage;
    private final boolean handoff;
    private final List<Action> actions = new ArrayList<>(6);
    private final List<AuditEntry> audit = new ArrayList<>(6);
    private final List<String> matched = new ArrayList<>(2);
    private final Set<String> tags = new LinkedHashSet<>();
    private TokenValues tokens;
    private int escalateAt = -1;
    private int escalateAuditAt = -1;
    private int hideAt = -1;
    private boolean lead;
    private boolean replied;

    DecisionBuilder(RuleContext ctx, TemplateCatalog templates, ReplyGate gate, boolean optOutMessage, boolean handoff) {
        this.ctx = ctx;
        this.templates = templates;
        this.gate = gate;
        this.scores = ctx.classification;
        this.heldBack = new HeldBack(ctx.settings.confidenceGate(), scores);
        this.optOutMessage = optOutMessage;
        this.handoff = handoff;
    }

    /** Plans the actions of a matched rule. */
    void plan(Rule rule) {
        matched.add(rule.id());
        Suppression ruleLevel = ruleLevelSuppression(rule);
        int auditFrom = audit.size();
        for (ActionSpec spec : rule.actions()) {
            if (spec instanceof ActionSpec.Reply r) {
                reply(rule, r, ruleLevel);
            } else if (spec instanceof ActionSpec.Qualify q) {
                qualify(rule, q, ruleLevel);
            } else if (spec instanceof ActionSpec.Hide h) {
                hide(rule, h, ruleLevel);
            } else if (spec instanceof ActionSpec.Escalate e) {
                escalate(rule.id(), new Action.Escalate(e.queueKey(), e.priority(), e.reason()));
            } else if (spec instanceof ActionSpec.Tag t) {
                if (tags.add(t.tag())) {
                    add(rule.id(), null, null, new Action.Tag(t.tag()), t.tag());
                }
            } else if (spec instanceof ActionSpec.MarkLead m) {
                lead = true;
                add(rule.id(), null, null, new Action.MarkLead(m.scoreDelta()), "score " + m.scoreDelta());
            } else if (spec instanceof ActionSpec.Notify n) {
                String text = n.text().renderLenient(noteTokens(), "?");
                add(rule.id(), null, null, new Action.Notify(text), text);
            }
        }
        if (heldBack.holdsMessage(rule) && audit.subList(auditFrom, audit.size()).stream()
                .noneMatch(e -> Suppression.LOW_CONFIDENCE.outcome().equals(e.outcome()))) {
            suppressed(rule.id(), null, null, AuditEntry.NONE, Suppression.LOW_CONFIDENCE, heldBack.rule(rule.id()));
        }
    }

    /**
     * Adds the guard-rail actions (held-back notes and moderation review, handoff, bot-turn escalation, opt-out
     * confirmation) and builds the decision.
     */
    Decision build() {
        if (heldBack.anyHide()) {
            // a comment the classifier was not sure enough to hide: a moderator decides
            escalate(HeldBack.GUARD_CONFIDENCE, new Action.Escalate(QueueKeys.MODERATION_REVIEW,
                    Vocabulary.QUEUE_PRIORITIES.get(QueueKeys.MODERATION_REVIEW), "low_confidence"));
        }
        for (String note : heldBack.notes()) {
            add(HeldBack.GUARD_CONFIDENCE, null, null, new Action.Notify(note), note);
        }
        if (handoff) {
            // A person must pick this up: support, unless a rule chose a higher-priority queue (hot leads, VIP).
            escalate(GUARD_HANDOFF, new Action.Escalate(Vocabulary.SUPPORT, Vocabulary.QUEUE_PRIORITIES.get(Vocabulary.SUPPORT), "handoff"));
            builtInReply(GUARD_HANDOFF, HANDOFF_TEMPLATE, gate.checkHandoffReply(),
                    "Je vous mets en relation avec un membre de l'équipe.", "Connecting you with a member of our team.");
        }
        if (gate.botTurnsHit() && escalateAt < 0) {
            // unresolved after N automated exchanges: a person from support takes over, and the customer is told
            escalate(GUARD_BOT_TURNS, new Action.Escalate(Vocabulary.SUPPORT, Vocabulary.QUEUE_PRIORITIES.get(Vocabulary.SUPPORT), "bot_turns"));
            if (!handoff) {
                builtInReply(GUARD_BOT_TURNS, HANDOFF_TEMPLATE, gate.checkHandoffReply(),
                        "Je vous mets en relation avec un membre de l'équipe.", "Connecting you with a member of our team.");
            }
        }
        if (optOutMessage && ctx.facts.authorOptedOutAt() == null) {
            builtInReply(GUARD_OPT_OUT, OPT_OUT_TEMPLATE, null,
                    "C'est noté : vous ne recevrez plus de réponses automatiques. L'équipe reste là si besoin.",
                    "Got it: you won't get automated replies from now on. Our team is still here if you need us.");
        }
        if (audit.isEmpty()) {
            audit.add(new AuditEntry(null, null, null, AuditEntry.NONE, AuditEntry.NO_MATCH, scores, "no rule matched"));
        }
        return new Decision(actions, matched, audit, optOutMessage, handoff, status(), tags, lead);
    }

    private Suppression ruleLevelSuppression(Rule rule) {
        if (rule.killSwitch()) {
            return Suppression.KILL_SWITCH;
        }
        if (rule.rollout() < 100 && StableBucket.percent(ctx.interaction.author().id(), rule.id()) >= rule.rollout()) {
            return Suppression.ROLLOUT;
        }
        return null;
    }

    private void reply(Rule rule, ActionSpec.Reply spec, Suppression ruleLevel) {
        String ruleId = rule.id();
        ReplyChannel channel = spec.channel().on(ctx.interaction.kind());
        String variant = templates.variantFor(spec.templateId(), authorId());
        Suppression s = ruleLevel != null ? ruleLevel : blocked() ? Suppression.BLOCKED : gate.checkRuleReply();
        if (s != null) {
            suppressed(ruleId, spec.templateId(), variant, channel.auditName(), s, explain(s));
            return;
        }
        Optional<String> refusal = ctx.policy.replyRefusal(ctx.interaction, channel);
        if (refusal.isPresent()) {
            suppressed(ruleId, spec.templateId(), variant, channel.auditName(), Suppression.NOT_APPLICABLE, refusal.get());
            return;
        }
        RenderedText r = templates.render(spec.templateId(), ctx.classification.lang(), limit(channel), authorId(),
                replyTokens(channel), ctx.settings.disclosureEnabled());
        if (r == null) {
            suppressed(ruleId, spec.templateId(), variant, channel.auditName(), Suppression.UNRESOLVED_TOKEN,
                    explain(Suppression.UNRESOLVED_TOKEN));
            return;
        }
        if (heldBack.holdsMessage(rule)) {
            suppressed(ruleId, spec.templateId(), r.variant(), channel.auditName(), Suppression.LOW_CONFIDENCE,
                    heldBack.message(channel.auditName() + " " + spec.templateId(), r.text()));
            return;
        }
        gate.count();
        replied = true;
        String detail = (r.fallback() ? "fallback: " : "") + r.text();
        add(ruleId, spec.templateId(), r.variant(), new Action.Reply(channel, r.text(), quickReplies(r),
                spec.outsideWindow(), spec.templateId(), r.variant(), spec.delay()),
                spec.delay().isZero() ? detail : "after " + spec.delay().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                        + " unless an agent answers first: " + detail);
    }

    /**
     * A qualifier flow's first question, privately (a private reply to a comment, in the conversation otherwise),
     * under the same guard rails as a reply; then the {@link Action.Qualify} that has the caller record the flow.
     */
    private void qualify(Rule rule, ActionSpec.Qualify spec, Suppression ruleLevel) {
        String ruleId = rule.id();
        ReplyChannel channel = ReplyChannel.PRIVATE.on(ctx.interaction.kind());
        String templateId = "qualify:" + spec.flowId();
        String variant = TemplateCatalog.CONTROL_VARIANT;
        Suppression s = ruleLevel != null ? ruleLevel : blocked() ? Suppression.BLOCKED : gate.checkRuleReply();
        if (s != null) {
            suppressed(ruleId, templateId, variant, channel.auditName(), s, explain(s));
            return;
        }
        Optional<String> refusal = ctx.policy.replyRefusal(ctx.interaction, channel);
        if (refusal.isPresent()) {
            suppressed(ruleId, templateId, variant, channel.auditName(), Suppression.NOT_APPLICABLE, refusal.get());
            return;
        }
        QualifierFlow flow = templates.flows().flow(spec.flowId()).orElseThrow();
        String lang = "fr".equals(ctx.classification.lang()) ? "fr" : "en";
        String prefix = ctx.settings.disclosureEnabled() ? templates.disclosure(lang) : "";
        String text = LengthLimits.fit(prefix, flow.step(0).question().in(lang), limit(channel));
        List<String> offered = channel == ReplyChannel.PRIVATE ? List.of() : flow.step(0).quickReplies(lang);
        int max = ctx.policy.maxQuickReplies(ctx.interaction.platform());
        if (heldBack.holdsMessage(rule)) {
            suppressed(ruleId, templateId, variant, channel.auditName(), Suppression.LOW_CONFIDENCE,
                    heldBack.message("qualifier flow " + flow.id(), text));
            return;
        }
        gate.count();
        replied = true;
        add(ruleId, templateId, variant, new Action.Reply(channel, text, offered.size() <= max ? offered
                : offered.subList(0, max), null, templateId, variant), text);
        add(ruleId, templateId, variant, new Action.Qualify(flow.id(), lang), "flow " + flow.id() + ", question 1 of "
                + flow.steps().size() + " (" + flow.step(0).id() + ")");
    }

    /**
     * The handoff message or opt-out confirmation: a template when the file has one, else the built-in text, in
     * the conversation the customer wrote in (where the platform allows it).
     */
    private void builtInReply(String ruleId, String templateId, Suppression check, String fr, String en) {
        ReplyChannel channel = ReplyChannel.PUBLIC.on(ctx.interaction.kind());
        Suppression s = blocked() ? Suppression.BLOCKED : check;
        if (s != null) {
            suppressed(ruleId, templateId, TemplateCatalog.CONTROL_VARIANT, channel.auditName(), s, explain(s));
            return;
        }
        Optional<String> refusal = ctx.policy.replyRefusal(ctx.interaction, channel);
        if (refusal.isPresent()) {
            suppressed(ruleId, templateId, TemplateCatalog.CONTROL_VARIANT, channel.auditName(),
                    Suppression.NOT_APPLICABLE, refusal.get());
            return;
        }
        TextLimit limit = limit(channel);
        RenderedText r = templates.contains(templateId)
                ? templates.render(templateId, ctx.classification.lang(), limit, authorId(), replyTokens(channel),
                        ctx.settings.disclosureEnabled())
                : null;
        if (r == null) {
            String lang = ctx.classification.lang();
            String prefix = ctx.settings.disclosureEnabled() ? templates.disclosure(lang) : "";
            String text = LengthLimits.fit(prefix, "fr".equals(lang) ? fr : en, limit);
            r = new RenderedText(text, TemplateCatalog.CONTROL_VARIANT, false);
        }
        gate.count();
        replied = true;
        add(ruleId, templateId, r.variant(), new Action.Reply(channel, r.text(), quickReplies(r), null, templateId,
                r.variant()), r.text());
    }

    private TextLimit limit(ReplyChannel channel) {
        return ctx.policy.textLimit(ctx.interaction.platform(), channel);
    }

    private List<String> quickReplies(RenderedText r) {
        int max = ctx.policy.maxQuickReplies(ctx.interaction.platform());
        List<String> offered = r.quickReplies();
        return offered.size() <= max ? offered : offered.subList(0, max);
    }

    private boolean blocked() {
        return !ctx.interaction.automationAllowed();
    }

    private void hide(Rule rule, ActionSpec.Hide spec, Suppression ruleLevel) {
        String ruleId = rule.id();
        Suppression s = ruleLevel != null ? ruleLevel : blocked() ? Suppression.BLOCKED : null;
        Optional<String> refusal = s == null ? ctx.policy.hideRefusal(ctx.interaction) : Optional.empty();
        if (s != null) {
            suppressed(ruleId, null, null, "hide", s, explain(s));
        } else if (refusal.isPresent()) {
            suppressed(ruleId, null, null, "hide", Suppression.NOT_APPLICABLE, refusal.get());
        } else if (hideAt >= 0) {
            suppressed(ruleId, null, null, "hide", Suppression.SUPERSEDED, explain(Suppression.SUPERSEDED));
        } else if (heldBack.holdsHide(rule)) {
            suppressed(ruleId, null, null, "hide", Suppression.LOW_CONFIDENCE, heldBack.hide(spec.reason()));
        } else {
            hideAt = actions.size();
            add(ruleId, null, null, new Action.Hide(spec.reason()), spec.reason());
        }
    }

    /** Keeps one escalation: the first with the highest priority. */
    private void escalate(String ruleId, Action.Escalate e) {
        String detail = e.queueKey() + " priority " + e.priority();
        if (escalateAt < 0) {
            escalateAt = actions.size();
            escalateAuditAt = audit.size();
            add(ruleId, null, null, e, detail);
        } else if (e.priority() > ((Action.Escalate) actions.get(escalateAt)).priority()) {
            AuditEntry old = audit.get(escalateAuditAt);
            audit.set(escalateAuditAt, new AuditEntry(old.ruleId(), null, null, old.action(),
                    Suppression.SUPERSEDED.outcome(), scores, old.detail() + " (superseded by " + detail + ")"));
            actions.set(escalateAt, e);
            escalateAuditAt = audit.size();
            audit.add(new AuditEntry(ruleId, null, null, e.type(), AuditEntry.PLANNED, scores, detail));
        } else {
            audit.add(new AuditEntry(ruleId, null, null, e.type(), Suppression.SUPERSEDED.outcome(), scores,
                    detail + " (kept " + ((Action.Escalate) actions.get(escalateAt)).queueKey() + ")"));
        }
    }

    private void add(String ruleId, String templateId, String variant, Action action, String detail) {
        actions.add(action);
        audit.add(new AuditEntry(ruleId, templateId, variant, action.type(), AuditEntry.PLANNED, scores, detail));
    }

    private void suppressed(String ruleId, String templateId, String variant, String type, Suppression s,
                            String detail) {
        audit.add(new AuditEntry(ruleId, templateId, variant, type, s.outcome(), scores, detail));
    }

    private String explain(Suppression s) {
        ThreadFacts f = ctx.facts;
        return switch (s) {
            case OPTED_OUT -> f.authorOptedOutAt() != null ? "author opted out at " + f.authorOptedOutAt() : "this message opts out";
            case RATE_LIMIT -> "author had " + f.automatedRepliesToAuthorLastHour() + " automated replies in the last hour, "
                    + gate.planned() + " more planned now (max " + ctx.settings.maxRepliesPerAuthorPerHour() + ")";
            case BOT_TURNS -> "thread has " + f.botTurnsInThread() + " bot turns (max " + ctx.settings.maxBotTurnsPerThread() + ")";
            case HANDOFF -> "author asked for a human";
            case KILL_SWITCH -> "rule kill switch is on";
            case ROLLOUT -> "author outside the rule's rollout";
            case UNRESOLVED_TOKEN -> "template needs a token that is unknown here and has no fallback";
            case BLOCKED -> ctx.interaction.automationBlockedBy();
            default -> s.outcome();
        };
    }

    private String status() {
        if (handoff) {
            return Decision.HANDED_OFF;
        }
        if (optOutMessage || ctx.facts.authorOptedOutAt() != null) {
            return Decision.OPTED_OUT;
        }
        if (escalateAt >= 0 || heldBack.any()) {
            return Decision.ESCALATED;
        }
        return replied || hideAt >= 0 ? Decision.AUTOMATED : Decision.HUMAN;
    }

    private String authorId() {
        return ctx.interaction.author().id();
    }

    private TokenValues replyTokens() {
        if (tokens == null) {
            tokens = TokenValues.of(ctx.facts.tokens(), ctx.settings.brand());
        }
        return tokens;
    }

    /**
     * The reply tokens of a reply on {@code channel}: a token given for that channel ({@code <token>:<channel audit
     * name>}, e.g. {@code link:dm}, see {@link ThreadFacts#tokens()}) wins over the token itself.
     */
    private TokenValues replyTokens(ReplyChannel channel) {
        String suffix = ":" + channel.auditName();
        TokenValues values = null;
        for (java.util.Map.Entry<String, String> e : ctx.facts.tokens().entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                Token t = Token.byKey(e.getKey().substring(0, e.getKey().length() - suffix.length()));
                if (t != null && t.allowedInReplies()) {
                    values = values != null ? values : TokenValues.of(ctx.facts.tokens(), ctx.settings.brand());
                    values.set(t, e.getValue());
                }
            }
        }
        return values != null ? values : replyTokens();
    }

    private static String twoDecimals(double value) {
        long hundredths = Math.round(Math.abs(value) * 100);
        long cents = hundredths % 100;
        return (value < 0 ? "-" : "") + hundredths / 100 + (cents < 10 ? ".0" : ".") + cents;
    }

    private TokenValues noteTokens() {
        Interaction in = ctx.interaction;
        Long followers = in.author().followerCount();
        return TokenValues.of(ctx.facts.tokens(), ctx.settings.brand())
                .set(Token.AUTHOR_HANDLE, in.author().handle() != null ? in.author().handle() : in.author().id())
                .set(Token.FOLLOWERS, followers == null ? null : followers.toString())
                .set(Token.PLATFORM, in.platform().id())
                .set(Token.KIND, in.kind().id())
                .set(Token.INTENT, scores.intent())
                .set(Token.CONFIDENCE, twoDecimals(scores.intentConfidence()))
                .set(Token.SENTIMENT, scores.sentiment());
    }
}

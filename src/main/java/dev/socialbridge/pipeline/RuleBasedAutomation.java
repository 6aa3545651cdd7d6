package dev.socialbridge.pipeline;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.links.ThreadLinks;
import dev.socialbridge.rules.Action;
import dev.socialbridge.rules.AuditEntry;
import dev.socialbridge.rules.AutomationEngine;
import dev.socialbridge.rules.Decision;
import dev.socialbridge.rules.ThreadFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Automation by the declarative rules: asks the {@link AutomationEngine} and translates its decision.
 * A ticket is opened when a rule escalates, when no rule did anything (a human should look), or when
 * the thread already has one (so the conversation in the host stays complete), or when the confidence gate held an
 * action back (a person acts instead, see {@link dev.socialbridge.rules.ConfidenceGate}); fully automated
 * interactions (a thanks reply) and dropped ones (hidden spam) open none.
 */
public final class RuleBasedAutomation implements AutomationStep {
    private final AutomationEngine engine;
    private final String defaultQueue;
    private final boolean needsFollowerCounts;
    private final ThreadLinks links;

    public RuleBasedAutomation(AutomationEngine engine, String defaultQueue) {
        this(engine, defaultQueue, null);
    }

    /**
     * @param links fills {@code {link}} with the thread's tracked link per reply channel (derived, no I/O: see
     *              {@link ThreadLinks}); null: {@code {link}} stays unknown and templates use their fallback
     */
    public RuleBasedAutomation(AutomationEngine engine, String defaultQueue, ThreadLinks links) {
        this.engine = engine;
        this.defaultQueue = defaultQueue;
        this.needsFollowerCounts = engine.needsFollowerCounts();
        this.links = links;
    }

    /** Asked for every interaction: computed once from the (immutable) rule set. */
    @Override
    public boolean needsFollowerCounts() {
        return needsFollowerCounts;
    }

    @Override
    public dev.socialbridge.leads.QualifierFlows qualifierFlows() {
        return engine.qualifierFlows();
    }

    @Override
    public AutomationOutcome decide(Interaction i, Classification c, ThreadState thread, AuthorFacts author, Instant now) {
        ThreadFacts facts = new ThreadFacts(thread.isNew(), thread.botTurns(), author.automatedRepliesLastHour(),
                author.optedOutAt(), thread.campaignTag(), tokens(i, thread));
        Decision d = engine.decide(i, c, facts, now);
        List<AutomationOutcome.Reply> replies = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String queue = null;
        Integer priority = null;
        String hide = null;
        int lead = 0;
        AutomationOutcome.Qualify qualify = null;
        for (Action a : d.actions()) {
            if (a instanceof Action.Reply r) {
                replies.add(new AutomationOutcome.Reply(r.channel(), r.message(), r.templateId(), r.variant(), r.delay()));
            } else if (a instanceof Action.Escalate e) {
                queue = e.queueKey();
                priority = e.priority();
                notes.add("Routed to " + e.queueKey() + ": " + e.reason());
            } else if (a instanceof Action.Hide h) {
                hide = h.reason();
            } else if (a instanceof Action.Notify n) {
                notes.add(n.text());
            } else if (a instanceof Action.MarkLead m) {
                lead += m.scoreDelta();
            } else if (a instanceof Action.Qualify q) {
                qualify = new AutomationOutcome.Qualify(q.flowId(), q.language());
            }
        }
        if (!d.tags().isEmpty()) {
            notes.add("Tags: " + String.join(", ", new java.util.TreeSet<>(d.tags())));
        }
        if (!d.matchedRuleIds().isEmpty()) {
            notes.add("Automation rules: " + String.join(", ", d.matchedRuleIds()));
        }
        boolean nothingDone = d.actions().isEmpty();
        // a delayed reply waits for an agent to answer first: someone must see the message
        boolean awaitsAgent = replies.stream().anyMatch(r -> !r.delay().isZero());
        // what the confidence gate held back is for a person to do: in the rule's queue, else the default one
        boolean heldBack = !d.heldBack().isEmpty();
        boolean ticket = queue != null || nothingDone || awaitsAgent || heldBack || thread.ticketId() != null
                || thread.queueKey() != null;
        if (ticket && queue == null && thread.queueKey() == null) {
            queue = defaultQueue;
        }
        List<AutomationOutcome.Audit> audit = new ArrayList<>();
        for (AuditEntry e : d.audit()) {
            audit.add(new AutomationOutcome.Audit(e.ruleId(), e.templateId(), e.variant(), e.action(), e.outcome(), e.detail()));
        }
        return new AutomationOutcome(ticket, queue, priority, replies, hide, notes, d.tags(), lead,
                d.automationStatus(), d.optOutRecorded(), audit, qualify);
    }

    private Map<String, String> tokens(Interaction i, ThreadState thread) {
        Map<String, String> t = new HashMap<>();
        if (links != null) {
            t.putAll(links.tokens(i.threadKey(), i.platform().id(), thread.campaignTag()));
        }
        String name = i.author().displayName();
        if (name != null && !name.isBlank()) {
            t.put("first_name", name.trim().split("\\s+")[0]);
        }
        return t;
    }
}

package dev.socialbridge.rules;

import dev.socialbridge.classify.Classification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ConfidenceGate} applied to one decision: whether a rule's action is held back, the audit detail of
 * each action held back, and the notes that show a person the classifier's guess. One instance per decision; not
 * thread-safe.
 */
final class HeldBack {

    /** The audit rule id of the notes (and moderation escalation) added for actions held back. */
    static final String GUARD_CONFIDENCE = "guard:confidence";

    private final ConfidenceGate gate;
    private final Classification scores;
    private final List<String> messages = new ArrayList<>(2);
    private final List<String> rules = new ArrayList<>(1);
    private boolean hide;

    HeldBack(ConfidenceGate gate, Classification scores) {
        this.gate = gate;
        this.scores = scores;
    }

    /** Whether {@code rule} acts on a guess below the gate: its replies, DMs and qualifier flows are held back. */
    boolean holdsMessage(Rule rule) {
        return rule.gatesMessages() && scores.intentConfidence() < gate.threshold(scores.intent());
    }

    /** Whether the gate holds back a hide of {@code rule}. */
    boolean holdsHide(Rule rule) {
        return rule.gatesHides() && scores.intentConfidence() < gate.hideThreshold(scores.intent());
    }

    /**
     * Records a message held back and returns its audit detail.
     *
     * @param what      the action as a person reads it: {@code public_reply praise-thanks}
     * @param wouldSend the text it would have sent
     */
    String message(String what, String wouldSend) {
        messages.add(what);
        return guess(gate.threshold(scores.intent())) + " for automated replies; would have sent: " + wouldSend;
    }

    /**
     * Records a rule that acted on a guess below the gate but had nothing to hold back (a hide where hiding does not
     * apply, only tags): a person still decides, so the message gets a ticket. Returns the audit detail.
     */
    String rule(String ruleId) {
        rules.add(ruleId);
        return guess(gate.threshold(scores.intent())) + "; nothing to hold back, a person decides";
    }

    /** Records a hide held back and returns its audit detail. */
    String hide(String reason) {
        hide = true;
        return guess(gate.hideThreshold(scores.intent())) + " for hiding; would have hidden it as " + reason;
    }

    /** True when a hide was held back: a moderator must look at the comment. */
    boolean anyHide() {
        return hide;
    }

    /** True when anything was held back: a person must look at the message. */
    boolean any() {
        return hide || !messages.isEmpty() || !rules.isEmpty();
    }

    /** The ticket notes: one for a hide held back, one for the messages held back. */
    List<String> notes() {
        List<String> notes = new ArrayList<>(2);
        if (hide) {
            notes.add(note(gate.hideThreshold(scores.intent()), "hiding"));
        }
        if (!messages.isEmpty()) {
            notes.add(note(gate.threshold(scores.intent()), "automated replies (" + String.join(", ", messages) + ")"));
        } else if (!rules.isEmpty() && !hide) {
            notes.add(note(gate.threshold(scores.intent()), "rule " + String.join(", ", rules)));
        }
        return notes;
    }

    private String note(double threshold, String what) {
        return "Automation held back: " + guess(threshold) + " for " + what + ". Check and act by hand.";
    }

    /** {@code the classifier guessed "toxic" at 0.62, below the gate 0.80}. */
    private String guess(double threshold) {
        return "the classifier guessed \"" + scores.intent() + "\" at " + confidence() + ", below the gate "
                + ConfidenceGate.format(threshold);
    }

    /** The confidence cut (not rounded) to two decimals, so that it never shows as high as a gate it is below. */
    private String confidence() {
        return BigDecimal.valueOf(scores.intentConfidence()).setScale(2, RoundingMode.DOWN).toPlainString();
    }
}

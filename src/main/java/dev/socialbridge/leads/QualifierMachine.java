package dev.socialbridge.leads;

import dev.socialbridge.guard.GuardWords;
import dev.socialbridge.guard.TextNormalizer;
import dev.socialbridge.guard.WordList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The qualifier flow's state machine, pure: a customer message in a running flow is a request for a person
 * (the guard rails' words, plus "conseiller"/"advisor"), an opt-out (STOP, arrêt...), or the answer to the waiting
 * question. An answer that does not parse for its step is asked again once, with a hint; the second time it is
 * kept as written and the flow moves on. After the last answer: thanks. Thread-safe.
 */
public final class QualifierMachine {
    /** Asking for a person inside a flow: the guard words, and the words a prospect uses for a salesperson. */
    private static final WordList ADVISOR = WordList.of("conseiller", "conseillere", "advisor",
            "sales rep", "salesperson");

    private final AnswerParser parser;

    public QualifierMachine(AnswerParser parser) {
        this.parser = parser;
    }

    /** What a message does to the flow. */
    public enum Outcome {
        /** The answer was recorded and the next question goes out. */
        NEXT,
        /** The answer did not parse: the question goes out again, with a hint. */
        ASK_AGAIN,
        /** The last answer was recorded: thanks. */
        COMPLETED,
        /** The customer asked for a person: the flow ends, a person takes the thread. */
        HANDED_OVER,
        /** The customer opted out: the flow ends (the opt-out itself is recorded as usual). */
        STOPPED
    }

    /**
     * One turn.
     *
     * @param outcome      what happened
     * @param fields       ticket fields the answer fills (empty when none)
     * @param kept         the answer as written, when it did not parse twice and was kept as free text (else null)
     * @param reply        the message to send the customer, disclosure included, or null
     * @param quickReplies buttons offered with it
     * @param next         the flow afterwards; null when it has ended
     */
    public record Turn(Outcome outcome, Map<String, String> fields, String kept, String reply, List<String> quickReplies,
                       QualifierState next) { }

    /** The first question's text and buttons, disclosure included. */
    public static Turn start(QualifierFlows flows, QualifierFlow flow, QualifierState state) {
        QualifierStep first = flow.step(0);
        return new Turn(Outcome.NEXT, Map.of(), null, flows.prefix(state.language()) + first.question().in(state.language()),
                first.quickReplies(state.language()), state);
    }

    /** The turn {@code text} makes in {@code state}'s flow at {@code now}. */
    public Turn onMessage(QualifierFlows flows, QualifierFlow flow, QualifierState state, String text, Instant now) {
        String lang = state.language();
        String folded = TextNormalizer.fold(text);
        if (GuardWords.isOptOut(folded)) {
            return new Turn(Outcome.STOPPED, Map.of(), null, null, List.of(), null);
        }
        if (GuardWords.isHandoff(folded) || ADVISOR.matchesAny(folded)) {
            return new Turn(Outcome.HANDED_OVER, Map.of(), null, flows.prefix(lang) + flow.handoff().in(lang), List.of(),
                    null);
        }
        QualifierStep step = flow.step(state.step());
        Optional<AnswerParser.Parsed> parsed = parser.parse(step.type(), step.field(), text);
        if (parsed.isEmpty() && !state.retried()) {
            return new Turn(Outcome.ASK_AGAIN, Map.of(), null,
                    flows.prefix(lang) + step.hint().in(lang) + " " + step.question().in(lang),
                    step.quickReplies(lang), state.askedAgain(now));
        }
        Map<String, String> fields = parsed.map(p -> Map.of(p.field(), p.value()))
                .orElseGet(() -> keepsText(step.type()) ? Map.of(step.field(), text.strip()) : Map.of());
        String kept = parsed.isEmpty() ? text.strip() : null;
        QualifierState next = state.next(fields, now);
        if (next.step() >= flow.steps().size()) {
            return new Turn(Outcome.COMPLETED, fields, kept, flows.prefix(lang) + flow.thanks().in(lang), List.of(), null);
        }
        QualifierStep following = flow.step(next.step());
        return new Turn(Outcome.NEXT, fields, kept, flows.prefix(lang) + following.question().in(lang),
                following.quickReplies(lang), next);
    }

    /** A quantity, budget or timing kept as written still fills its field; an invalid e-mail or phone does not. */
    private static boolean keepsText(StepType type) {
        return type == StepType.TEXT || type == StepType.QUANTITY || type == StepType.BUDGET || type == StepType.TIMING;
    }
}

package dev.socialbridge.leads;

import java.util.List;

/**
 * A qualifier flow: 2 to 4 questions asked one after the other in the customer's conversation, then thanks.
 *
 * @param id      the id rules name ({@code qualify: <id>})
 * @param steps   the questions, in order
 * @param thanks  sent after the last answer
 * @param handoff sent when the customer asks for a person during the flow
 */
public record QualifierFlow(String id, List<QualifierStep> steps, QualifierStep.Texts thanks,
                            QualifierStep.Texts handoff) {
    public static final int MIN_STEPS = 2;
    public static final int MAX_STEPS = 4;

    public QualifierFlow {
        steps = List.copyOf(steps);
    }

    public QualifierStep step(int index) {
        return steps.get(index);
    }
}

package dev.socialbridge.leads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.socialbridge.leads.QualifierMachine.Outcome;
import dev.socialbridge.leads.QualifierMachine.Turn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QualifierMachineTest {
    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);

    private final QualifierMachine machine = new QualifierMachine(new AnswerParser("33"));
    private final QualifierFlows flows = QualifierFlowsFixture.flows()
            .withDisclosure(new QualifierStep.Texts("Message automatique :", "Automated message:"));
    private final QualifierFlow flow = flows.flow("lead").orElseThrow();

    private QualifierState at(int step, boolean retried, String language) {
        return new QualifierState("instagram:acc:u1", "instagram:comment:1", "lead", step, retried, language, Map.of(), T0);
    }

    @Test
    void theFirstQuestionCarriesTheDisclosure() {
        Turn t = QualifierMachine.start(flows, flow, QualifierState.started("k", "thread", "lead", "fr", T0));

        assertEquals("Message automatique : Que recherchez-vous ?", t.reply());
        assertEquals(0, t.next().step());
    }

    @Test
    void anAnswerIsRecordedAndTheNextQuestionAskedWithItsButtons() {
        Turn t = machine.onMessage(flows, flow, at(0, false, "en"), "Scented candles for a wedding", T1);

        assertEquals(Outcome.NEXT, t.outcome());
        assertEquals(Map.of(LeadFields.NEED, "Scented candles for a wedding"), t.fields());
        assertEquals("Automated message: How many?", t.reply());
        assertEquals(List.of("10", "100"), t.quickReplies());
        assertEquals(1, t.next().step());
        assertEquals(T1, t.next().askedAt());
        assertEquals(Map.of(LeadFields.NEED, "Scented candles for a wedding"), t.next().answers());
    }

    @Test
    void anAnswerThatDoesNotParseIsAskedAgainOnceWithAHint() {
        Turn t = machine.onMessage(flows, flow, at(2, false, "fr"), "je préfère pas", T1);

        assertEquals(Outcome.ASK_AGAIN, t.outcome());
        assertEquals(Map.of(), t.fields());
        assertEquals("Message automatique : Une adresse e-mail, svp. Votre e-mail ?", t.reply());
        assertEquals(2, t.next().step());
        assertEquals(true, t.next().retried());
    }

    @Test
    void aSecondAnswerThatDoesNotParseIsKeptAsTextAndTheFlowMovesOn() {
        Turn t = machine.onMessage(flows, flow, at(1, true, "fr"), "beaucoup", T1);

        assertEquals(Outcome.NEXT, t.outcome());
        assertEquals(Map.of(LeadFields.QUANTITY, "beaucoup"), t.fields(), "a quantity kept as written");
        assertEquals("beaucoup", t.kept());
        assertEquals("Message automatique : Votre e-mail ?", t.reply());
        assertEquals(2, t.next().step());
        assertEquals(false, t.next().retried());
    }

    @Test
    void anInvalidEmailKeptAsTextFillsNoEmailField() {
        Turn t = machine.onMessage(flows, flow, at(2, true, "en"), "no thanks", T1);

        assertEquals(Outcome.COMPLETED, t.outcome());
        assertEquals(Map.of(), t.fields());
        assertEquals("no thanks", t.kept());
    }

    @Test
    void theLastAnswerCompletesTheFlowWithThanks() {
        Turn t = machine.onMessage(flows, flow, at(2, false, "en"), "me@example.com", T1);

        assertEquals(Outcome.COMPLETED, t.outcome());
        assertEquals(Map.of(LeadFields.EMAIL, "me@example.com"), t.fields());
        assertEquals("Automated message: Thanks!", t.reply());
        assertNull(t.next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "Je veux parler à un humain", "un conseiller svp", "Conseillère ?", "human please",
            "a real person", "can I talk to an advisor"})
    void askingForAPersonHandsOverAtAnyStep(String text) {
        for (int step = 0; step < 3; step++) {
            Turn t = machine.onMessage(flows, flow, at(step, false, "fr"), text, T1);

            assertEquals(Outcome.HANDED_OVER, t.outcome(), text + " at step " + step);
            assertEquals("Message automatique : Je vous mets en relation avec un membre de l'équipe.", t.reply());
            assertNull(t.next());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "arrêt", "désabonnez-moi", "unsubscribe"})
    void anOptOutEndsTheFlowWithoutAReply(String text) {
        Turn t = machine.onMessage(flows, flow, at(1, false, "fr"), text, T1);

        assertEquals(Outcome.STOPPED, t.outcome());
        assertNull(t.reply(), "the usual opt-out confirmation is sent, not the flow's");
        assertNull(t.next());
    }
}

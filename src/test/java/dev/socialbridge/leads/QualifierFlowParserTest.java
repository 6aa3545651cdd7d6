package dev.socialbridge.leads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualifierFlowParserTest {

    @Test
    void compilesAFlowWithDefaultFieldsHintsAndHandoff() {
        QualifierFlow flow = QualifierFlowsFixture.flows().flow("lead").orElseThrow();

        assertEquals(List.of("need", "quantity", "contact"), flow.steps().stream().map(QualifierStep::id).toList());
        assertEquals(LeadFields.QUANTITY, flow.step(1).field());
        assertEquals("Un nombre suffit, par exemple 200.", flow.step(1).hint().fr());
        assertEquals("Connecting you with a member of our team.", flow.handoff().en());
    }

    @Test
    void reportsEveryProblemWithFlowStepAndKey() {
        List<String> problems = new ArrayList<>();
        QualifierFlows flows = QualifierFlowsFixture.parse("""
                flows:
                  too-short:
                    steps:
                      - {id: need, type: text, fr: "?"}
                    thanks: "Merci"
                  broken:
                    steps:
                      - {id: need, type: txt, fr: "?"}
                      - {id: need, type: budget, field: lead_price, fr: "?", quickReplies: ["a label longer than twenty"]}
                      - {type: contact, field: lead_email, en: "?"}
                      - {id: when, type: timing, color: blue}
                    extra: true
                """, problems);

        assertEquals(List.of(
                "templates.yaml: flow 'too-short': steps: expected a list of 2 to 4 questions, found 1 questions",
                "templates.yaml: flow 'broken': extra: unknown key (expected one of description, steps, thanks, handoff)",
                "templates.yaml: flow 'broken': steps[0].type: unknown type 'txt' (expected one of text, quantity, budget,"
                        + " timing, email, phone, contact)",
                "templates.yaml: flow 'broken': steps[1].id: 'need' is used by another step of this flow",
                "templates.yaml: flow 'broken': steps[1].field: 'lead_price' is not a lead field (expected one of lead_need,"
                        + " lead_quantity, lead_budget, lead_timing, lead_email, lead_phone)",
                "templates.yaml: flow 'broken': steps[1].quickReplies: 'a label longer than twenty' must be 1 to 20 characters",
                "templates.yaml: flow 'broken': steps[2].id: missing (e.g. need, quantity, timing, contact)",
                "templates.yaml: flow 'broken': steps[2].field: a contact step writes lead_email or lead_phone, whichever"
                        + " is given; remove field",
                "templates.yaml: flow 'broken': steps[3].color: unknown key (expected one of id, type, field, fr, en, hint,"
                        + " quickReplies)",
                "templates.yaml: flow 'broken': steps[3]: needs an 'fr' or 'en' text (or both)",
                "templates.yaml: flow 'broken': thanks: needs an 'fr' or 'en' text (or both)"), problems);
        assertEquals(List.of(), List.copyOf(flows.ids()));
    }
}

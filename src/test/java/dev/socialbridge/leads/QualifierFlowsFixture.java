package dev.socialbridge.leads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.templates.YamlNodes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Qualifier flows compiled from YAML text, for tests. */
final class QualifierFlowsFixture {
    static final String FLOWS = """
            flows:
              lead:
                steps:
                  - id: need
                    type: text
                    fr: "Que recherchez-vous ?"
                    en: "What are you looking for?"
                  - id: quantity
                    type: quantity
                    fr: "Combien ?"
                    en: "How many?"
                    quickReplies: {fr: ["10", "100"], en: ["10", "100"]}
                  - id: contact
                    type: email
                    fr: "Votre e-mail ?"
                    en: "Your email?"
                    hint: {fr: "Une adresse e-mail, svp.", en: "An email address, please."}
                thanks: {fr: "Merci !", en: "Thanks!"}
            """;

    private QualifierFlowsFixture() {
    }

    /** The flows of {@code yaml} (a templates-file text), and the problems found. */
    static QualifierFlows parse(String yaml, List<String> problems) {
        JsonNode root = YamlNodes.read("templates.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                problems);
        return new QualifierFlowParser("templates.yaml", problems).parse(root.path("flows"));
    }

    static QualifierFlows flows() {
        List<String> problems = new ArrayList<>();
        QualifierFlows flows = parse(FLOWS, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        return flows;
    }
}

package dev.socialbridge.leads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The qualifier flows of a templates file ({@code flows:}), with the automated-message disclosure their messages
 * carry. Immutable.
 */
public final class QualifierFlows {
    private final Map<String, QualifierFlow> flows;
    private final QualifierStep.Texts disclosure;

    public QualifierFlows(Map<String, QualifierFlow> flows, QualifierStep.Texts disclosure) {
        this.flows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flows));
        this.disclosure = disclosure;
    }

    /** No flows. */
    public static QualifierFlows none() {
        return new QualifierFlows(Map.of(), null);
    }

    public Optional<QualifierFlow> flow(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    public Set<String> ids() {
        return flows.keySet();
    }

    /** The same flows, their messages prefixed by {@code disclosure} (null: none). */
    public QualifierFlows withDisclosure(QualifierStep.Texts disclosure) {
        return new QualifierFlows(flows, disclosure);
    }

    /** The disclosure prefix of a message in {@code language}, or "". */
    public String prefix(String language) {
        if (disclosure == null) {
            return "";
        }
        String p = disclosure.in(language);
        return p.isEmpty() || p.endsWith(" ") ? p : p + " ";
    }
}

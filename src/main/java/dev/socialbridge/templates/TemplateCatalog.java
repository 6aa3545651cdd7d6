package dev.socialbridge.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.interaction.TextLimit;
import dev.socialbridge.leads.QualifierFlows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reply templates of one templates file, compiled, with the automated-reply disclosure.
 * Renders a template for an author in French or English (by detected language), fills tokens,
 * falls back when a token is unknown, prefixes the disclosure and trims to the platform limit.
 * Immutable and thread-safe. See {@code default-templates.yaml} for the file format.
 */
public final class TemplateCatalog {

    public static final String DEFAULT_DISCLOSURE_FR = "Réponse automatisée : ";
    public static final String DEFAULT_DISCLOSURE_EN = "Automated reply: ";
    /** Name of the control variant: the template's own fr/en texts. */
    public static final String CONTROL_VARIANT = Template.CONTROL;

    private final Map<String, Template> templates;
    private final Set<String> declaredIds;
    private final String disclosureFr;
    private final String disclosureEn;
    private final QualifierFlows flows;

    TemplateCatalog(Map<String, Template> templates, Set<String> declaredIds, String disclosureFr, String disclosureEn) {
        this(templates, declaredIds, disclosureFr, disclosureEn, QualifierFlows.none());
    }

    TemplateCatalog(Map<String, Template> templates, Set<String> declaredIds, String disclosureFr, String disclosureEn,
                    QualifierFlows flows) {
        this.flows = flows;
        this.templates = Map.copyOf(templates);
        this.declaredIds = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(declaredIds));
        this.disclosureFr = disclosureFr;
        this.disclosureEn = disclosureEn;
    }

    /** Loads a templates file; problems (naming file, template id and key) are added to {@code problems}. */
    public static TemplateCatalog load(Path file, List<String> problems) {
        JsonNode root = YamlNodes.read(file, problems);
        return parse(String.valueOf(file.getFileName()), root, problems);
    }

    /** Compiles a parsed templates file; {@code root} may be null (nothing parsed: empty catalog). */
    public static TemplateCatalog parse(String fileName, JsonNode root, List<String> problems) {
        return root == null ? new TemplateCatalog(Map.of(), Set.of(), DEFAULT_DISCLOSURE_FR, DEFAULT_DISCLOSURE_EN)
                : new TemplateFileParser(fileName, problems).parse(root);
    }

    public boolean contains(String templateId) {
        return templates.containsKey(templateId);
    }

    /** Ids of the templates in file order (including any that had problems, so references to them are not reported twice). */
    public Set<String> ids() {
        return declaredIds;
    }

    /**
     * Renders a template.
     *
     * @param lang     detected language: "fr" picks French, anything else English
     * @param limit    the reply channel's text limit on the platform (the text is trimmed to fit)
     * @param authorId decides the A/B variant
     * @param disclose prefix the disclosure ("Réponse automatisée : " / "Automated reply: ")
     * @return the reply, or null when the template is unknown or cannot be rendered without an
     *         unresolved token (no fallback) — such a reply must not be sent
     */
    public RenderedText render(String templateId, String lang, TextLimit limit, String authorId, TokenValues values,
                               boolean disclose) {
        Template template = templates.get(templateId);
        boolean french = "fr".equals(lang);
        RenderedText body = template == null ? null : template.render(french, authorId, values);
        if (body == null) {
            return null;
        }
        String prefix = disclose ? (french ? disclosureFr : disclosureEn) : "";
        String text = LengthLimits.fit(prefix, body.text(), limit);
        return new RenderedText(text, body.variant(), body.fallback(), body.quickReplies());
    }

    /** The A/B variant an author gets for a template ("A" = control), or null for an unknown template. */
    public String variantFor(String templateId, String authorId) {
        Template template = templates.get(templateId);
        return template == null ? null : template.variantFor(authorId);
    }

    /** The qualifier flows of the file ({@code flows:}), without disclosure. */
    public QualifierFlows flows() {
        return flows;
    }

    /** The disclosure prefix for a language. */
    public String disclosure(String lang) {
        return "fr".equals(lang) ? disclosureFr : disclosureEn;
    }
}

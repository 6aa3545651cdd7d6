package dev.socialbridge.templates;

import java.util.List;

/**
 * One compiled template: a control variant "A", optional experiment variants with a rollout
 * percentage, and a per-language fallback text. Immutable and thread-safe.
 */
final class Template {

    static final String CONTROL = "A";

    /** One variant; a language may be null, in which case the control's text for it is used. */
    record Variant(String name, TemplateContent fr, TemplateContent en) {
        TemplateContent content(boolean french) {
            return french ? fr : en;
        }
    }

    private final String id;
    private final Variant control;
    private final Variant[] variants;
    private final int rollout;
    private final TokenText fallbackFr;
    private final TokenText fallbackEn;
    private final List<String> quickRepliesFr;
    private final List<String> quickRepliesEn;

    Template(String id, Variant control, Variant[] variants, int rollout, TokenText fallbackFr, TokenText fallbackEn,
             List<String> quickRepliesFr, List<String> quickRepliesEn) {
        this.id = id;
        this.control = control;
        this.variants = variants;
        this.rollout = rollout;
        this.fallbackFr = fallbackFr;
        this.fallbackEn = fallbackEn;
        this.quickRepliesFr = List.copyOf(quickRepliesFr);
        this.quickRepliesEn = List.copyOf(quickRepliesEn);
    }

    /** The body (no disclosure, no length limit), or null when neither the text nor a fallback resolves. */
    RenderedText render(boolean french, String authorId, TokenValues values) {
        Variant variant = pick(authorId);
        TemplateContent content = variant.content(french);
        if (content == null) {
            variant = control;
            content = contentIn(control, french);
        }
        String body = content.render(values);
        if (body != null) {
            return new RenderedText(body, variant.name(), false, french ? quickRepliesFr : quickRepliesEn);
        }
        TokenText fallback = french && fallbackFr != null ? fallbackFr : fallbackEn != null ? fallbackEn : fallbackFr;
        if (fallback == null || !fallback.resolvable(values)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        fallback.appendTo(out, values);
        return new RenderedText(out.toString().strip(), variant.name(), true, french ? quickRepliesFr : quickRepliesEn);
    }

    /** The variant for this author: control unless enrolled by the rollout, then one variant evenly. */
    String variantFor(String authorId) {
        return pick(authorId).name();
    }

    private Variant pick(String authorId) {
        if (variants.length == 0 || StableBucket.percent(authorId, id) >= rollout) {
            return control;
        }
        return variants[StableBucket.index(authorId, id, variants.length)];
    }

    /** The control's text in the language, or in the other one when the template has only one. */
    private static TemplateContent contentIn(Variant v, boolean french) {
        TemplateContent c = v.content(french);
        return c != null ? c : v.content(!french);
    }
}

package dev.socialbridge.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report page's words in English and French (the product speaks both). The language is {@code ?lang=fr|en}, else
 * the first of French or English in {@code Accept-Language}, else English.
 */
public final class ReportTexts {
    /** The languages offered. */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Social Bridge reports"),
            Map.entry("range", "Period"),
            Map.entry("range.7", "Last 7 days"),
            Map.entry("range.30", "Last 30 days"),
            Map.entry("range.90", "Last 90 days"),
            Map.entry("empty", "No data yet for this period."),
            Map.entry("signed-in", "Signed in as %s"),
            Map.entry("sign-out", "Sign out"),
            Map.entry("frt.title", "First response time"),
            Map.entry("frt.explain", "Median and 90th percentile of the time to a person's first answer, for the"
                    + " conversations started each day."),
            Map.entry("sla.title", "SLA compliance"),
            Map.entry("sla.explain", "Share of the tickets started each day that never breached their first-response"
                    + " or resolution deadline."),
            Map.entry("automation.title", "Automation rate"),
            Map.entry("automation.explain", "Share of the conversations started each day that were closed, or never"
                    + " needed a ticket, without a person answering."),
            Map.entry("campaigns.title", "Leads and revenue by campaign"),
            Map.entry("campaigns.explain", "Leads among the conversations started in the period and revenue of its"
                    + " conversions, credited to the campaign of the first touch."),
            Map.entry("moderation.title", "Moderation false positives"),
            Map.entry("moderation.explain", "Share of the comments hidden automatically each day that a person later"
                    + " unhid; the target is under 5 %."),
            Map.entry("series.median_seconds", "Median"),
            Map.entry("series.p90_seconds", "90th percentile"),
            Map.entry("series.first_response_compliance", "First response"),
            Map.entry("series.resolve_compliance", "Resolution"),
            Map.entry("series.automation_rate", "Automation rate"),
            Map.entry("series.leads", "Leads"),
            Map.entry("series.revenue", "Revenue (%s)"),
            Map.entry("series.false_positive_rate", "False-positive rate"),
            Map.entry("series.target", "Target (5 %)"),
            Map.entry("login.title", "Sign in to the reports"),
            Map.entry("login.rt", "Log in to RT as a member of %s (or as an RT administrator), in this browser and on"
                    + " the same host name as this page, then reload this page."),
            Map.entry("login.token", "Or enter the plugin's admin token (socialbridge.admin.token):"),
            Map.entry("login.token-label", "Admin token"),
            Map.entry("login.submit", "Sign in"),
            Map.entry("login.wrong", "This is not the admin token."),
            Map.entry("login.forbidden", "Your RT user %s may not see these reports: ask an RT administrator to add"
                    + " you to one of these groups: %s."),
            Map.entry("login.api", "API clients: send 'Authorization: Bearer <socialbridge.admin.token>'."));

    private static final Map<String, String> FR = Map.ofEntries(
            Map.entry("title", "Rapports Social Bridge"),
            Map.entry("range", "Période"),
            Map.entry("range.7", "7 derniers jours"),
            Map.entry("range.30", "30 derniers jours"),
            Map.entry("range.90", "90 derniers jours"),
            Map.entry("empty", "Pas encore de données sur cette période."),
            Map.entry("signed-in", "Connecté en tant que %s"),
            Map.entry("sign-out", "Se déconnecter"),
            Map.entry("frt.title", "Délai de première réponse"),
            Map.entry("frt.explain", "Médiane et 90e centile du délai avant la première réponse d'une personne, pour"
                    + " les conversations commencées chaque jour."),
            Map.entry("sla.title", "Respect des SLA"),
            Map.entry("sla.explain", "Part des tickets commencés chaque jour qui n'ont jamais dépassé leur délai de"
                    + " première réponse ou de résolution."),
            Map.entry("automation.title", "Taux d'automatisation"),
            Map.entry("automation.explain", "Part des conversations commencées chaque jour closes, ou sans ticket,"
                    + " sans qu'une personne ait répondu."),
            Map.entry("campaigns.title", "Prospects et chiffre d'affaires par campagne"),
            Map.entry("campaigns.explain", "Prospects parmi les conversations commencées sur la période et chiffre"
                    + " d'affaires de ses conversions, attribués à la campagne du premier contact."),
            Map.entry("moderation.title", "Faux positifs de la modération"),
            Map.entry("moderation.explain", "Part des commentaires masqués automatiquement chaque jour puis démasqués"
                    + " par une personne ; l'objectif est sous 5 %."),
            Map.entry("series.median_seconds", "Médiane"),
            Map.entry("series.p90_seconds", "90e centile"),
            Map.entry("series.first_response_compliance", "Première réponse"),
            Map.entry("series.resolve_compliance", "Résolution"),
            Map.entry("series.automation_rate", "Taux d'automatisation"),
            Map.entry("series.leads", "Prospects"),
            Map.entry("series.revenue", "Chiffre d'affaires (%s)"),
            Map.entry("series.false_positive_rate", "Taux de faux positifs"),
            Map.entry("series.target", "Objectif (5 %)"),
            Map.entry("login.title", "Connexion aux rapports"),
            Map.entry("login.rt", "Connectez-vous à RT en tant que membre de %s (ou administrateur RT), dans ce"
                    + " navigateur et sous le même nom d'hôte que cette page, puis rechargez cette page."),
            Map.entry("login.token", "Ou saisissez le jeton d'administration du plugin (socialbridge.admin.token) :"),
            Map.entry("login.token-label", "Jeton d'administration"),
            Map.entry("login.submit", "Se connecter"),
            Map.entry("login.wrong", "Ce n'est pas le jeton d'administration."),
            Map.entry("login.forbidden", "Votre utilisateur RT %s ne peut pas voir ces rapports : demandez à un"
                    + " administrateur RT de vous ajouter à l'un de ces groupes : %s."),
            Map.entry("login.api", "Clients d'API : envoyez 'Authorization: Bearer <socialbridge.admin.token>'."));

    private final String lang;
    private final Map<String, String> texts;

    private ReportTexts(String lang) {
        this.lang = lang;
        this.texts = lang.equals("fr") ? FR : EN;
    }

    /** The texts of {@code lang} ({@code fr}, {@code en}); anything else gives English. */
    public static ReportTexts of(String lang) {
        return new ReportTexts("fr".equals(lang) ? "fr" : "en");
    }

    /**
     * The language of a request: {@code ?lang=} when it is {@code fr} or {@code en}, else the first French or English
     * range of {@code Accept-Language} (by weight, then order), else English.
     */
    public static String language(String langParameter, String acceptLanguage) {
        if (langParameter != null && LANGUAGES.contains(langParameter.strip().toLowerCase(Locale.ROOT))) {
            return langParameter.strip().toLowerCase(Locale.ROOT);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                    String primary = r.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (LANGUAGES.contains(primary) && r.getWeight() > 0) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return "en";
            }
        }
        return "en";
    }

    public String lang() {
        return lang;
    }

    /** The text of {@code key}, its {@code %s} filled with {@code args}. */
    public String get(String key, Object... args) {
        String t = texts.get(key);
        if (t == null) {
            throw new IllegalArgumentException("no report text '" + key + "'");
        }
        return args.length == 0 ? t : String.format(Locale.ROOT, t, args);
    }
}

package dev.socialbridge.classify.train;

import dev.socialbridge.classify.Categories;
import dev.socialbridge.classify.Classification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Metrics of classifier output against gold labels, rendered as Markdown. */
final class EvaluationReport {
    private static final List<String> INTENTS = Categories.INTENTS;
    private static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");

    private final List<LabelledRow> rows;
    private final List<Classification> results;
    private final int[][] confusion;

    EvaluationReport(List<LabelledRow> rows, List<Classification> results) {
        this.rows = rows;
        this.results = results;
        this.confusion = new int[INTENTS.size()][INTENTS.size()];
        for (int i = 0; i < rows.size(); i++) {
            confusion[INTENTS.indexOf(rows.get(i).intent())][INTENTS.indexOf(results.get(i).intent())]++;
        }
    }

    double precision(int c) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
    }

    double recall(int c) {
        int gold = support(c);
        return gold == 0 ? Double.NaN : (double) confusion[c][c] / gold;
    }

    int support(int c) {
        int n = 0;
        for (int v : confusion[c]) {
            n += v;
        }
        return n;
    }

    double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        if (Double.isNaN(r)) {
            return Double.NaN;
        }
        if (Double.isNaN(p) || p + r == 0) {
            return 0;
        }
        return 2 * p * r / (p + r);
    }

    double macroF1() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < INTENTS.size(); c++) {
            if (support(c) > 0) {
                sum += f1(c);
                n++;
            }
        }
        return sum / n;
    }

    void appendTo(StringBuilder out, String title) {
        out.append("# Classifier evaluation: ").append(title).append("\n\n");
        out.append(String.format(Locale.ROOT, "%d rows. Intent accuracy %s, **macro-F1 %.3f**. "
                + "Language accuracy **%s**. Sentiment accuracy %s.%n", rows.size(), pct(intentAccuracy()),
                macroF1(), pct(languageAccuracy()), sentimentSummary()));
        appendGates(out);
        appendPerClass(out);
        appendConfusion(out);
        appendLanguages(out);
        appendSentiment(out);
        appendSources(out);
    }

    private void appendGates(StringBuilder out) {
        out.append("\n## Spam and toxic (targets: precision ≥ 0.95, recall ≥ 0.80)\n\n| intent | precision | "
                + "recall | predicted | gold |\n|---|---:|---:|---:|---:|\n");
        for (int c : new int[] {Categories.SPAM, Categories.TOXIC}) {
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += row[c];
            }
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d |%n", INTENTS.get(c),
                    num(precision(c)), num(recall(c)), predicted, support(c)));
        }
    }

    private void appendPerClass(StringBuilder out) {
        out.append("\n## Intent, per class\n\n| intent | precision | recall | F1 | support |\n|---|---:|---:|---:|---:|\n");
        for (int c = 0; c < INTENTS.size(); c++) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d |%n", INTENTS.get(c), num(precision(c)),
                    num(recall(c)), num(f1(c)), support(c)));
        }
        out.append(String.format(Locale.ROOT, "| **macro** | | | **%.3f** | %d |%n", macroF1(), rows.size()));
    }

    private void appendConfusion(StringBuilder out) {
        out.append("\n## Intent confusion matrix (rows: gold, columns: predicted)\n\n| gold \\ predicted |");
        INTENTS.forEach(i -> out.append(' ').append(abbreviation(i)).append(" |"));
        out.append("\n|---|").append("---:|".repeat(INTENTS.size())).append('\n');
        for (int g = 0; g < INTENTS.size(); g++) {
            out.append("| ").append(INTENTS.get(g)).append(" |");
            for (int p = 0; p < INTENTS.size(); p++) {
                out.append(' ').append(confusion[g][p] == 0 ? "·" : String.valueOf(confusion[g][p])).append(" |");
            }
            out.append('\n');
        }
    }

    private void appendLanguages(StringBuilder out) {
        Map<String, int[]> byGold = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int[] counts = byGold.computeIfAbsent(rows.get(i).lang(), k -> new int[3]);
            counts[List.of("fr", "en", "other").indexOf(results.get(i).lang())]++;
        }
        out.append("\n## Language (rows: gold)\n\n| gold | → fr | → en | → other |\n|---|---:|---:|---:|\n");
        byGold.forEach((lang, c) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", lang, c[0], c[1],
                c[2])));
    }

    private void appendSentiment(StringBuilder out) {
        int[][] m = new int[3][3];
        for (int i = 0; i < rows.size(); i++) {
            int g = SENTIMENTS.indexOf(rows.get(i).sentiment());
            if (g >= 0) {
                m[g][SENTIMENTS.indexOf(results.get(i).sentiment())]++;
            }
        }
        out.append("\n## Sentiment (only rows whose source gives one; rows: gold)\n\n| gold | → negative | → neutral "
                + "| → positive |\n|---|---:|---:|---:|\n");
        for (int g = 0; g < 3; g++) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", SENTIMENTS.get(g), m[g][0], m[g][1],
                    m[g][2]));
        }
    }

    private void appendSources(StringBuilder out) {
        Map<String, int[]> bySource = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int[] c = bySource.computeIfAbsent(rows.get(i).source(), k -> new int[2]);
            c[0] += rows.get(i).intent().equals(results.get(i).intent()) ? 1 : 0;
            c[1]++;
        }
        out.append("\n## Intent accuracy per source\n\n| source | correct | rows | accuracy |\n|---|---:|---:|---:|\n");
        bySource.forEach((s, c) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s |%n", s, c[0], c[1],
                pct((double) c[0] / c[1]))));
    }

    double intentAccuracy() {
        int ok = 0;
        for (int c = 0; c < INTENTS.size(); c++) {
            ok += confusion[c][c];
        }
        return (double) ok / rows.size();
    }

    double languageAccuracy() {
        int ok = 0;
        for (int i = 0; i < rows.size(); i++) {
            ok += rows.get(i).lang().equals(results.get(i).lang()) ? 1 : 0;
        }
        return (double) ok / rows.size();
    }

    private String sentimentSummary() {
        int ok = 0;
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).sentiment().isEmpty()) {
                n++;
                ok += rows.get(i).sentiment().equals(results.get(i).sentiment()) ? 1 : 0;
            }
        }
        return n == 0 ? "n/a" : pct((double) ok / n) + " (" + n + " rows with a gold sentiment)";
    }

    private static String abbreviation(String intent) {
        return switch (intent) {
            case "sales_lead" -> "sales";
            case "refund_cancel" -> "refund";
            case "complaint" -> "compl";
            case "question" -> "quest";
            default -> intent;
        };
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}

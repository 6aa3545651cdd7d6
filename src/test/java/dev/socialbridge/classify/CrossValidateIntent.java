package dev.socialbridge.classify;

import dev.socialbridge.classify.train.DevSplit;
import dev.socialbridge.classify.train.LabelledRow;
import dev.socialbridge.classify.train.LabelledRows;
import dev.socialbridge.classify.train.TrainIntentModel;

import opennlp.tools.util.TrainingParameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Development tool (not a test): 5-fold cross-validation of the intent layer INSIDE the tuning part of the dev
 * set. Held-back rows are never read. For fold k the model is trained on every training row (authored examples, licensed
 * corpora, licensed dev rows) except the tuning rows of fold k, then the fold's rows are classified with the bundled keyword
 * rules and combiner. Prints pooled figures over all tuning rows for the default combiner and a small grid of
 * combiner settings (model weight floor, rule weight, spam/toxic gate). Usage:
 * {@code CrossValidateIntent [DEV_JSONL [TRAINING_DIR]]}.
 */
public final class CrossValidateIntent {
    static final int FOLDS = 5;

    private CrossValidateIntent() {
    }

    public static void main(String[] args) throws Exception {
        Path dev = Path.of(args.length > 0 ? args[0] : "/work/shared/datasets/social-messages-dev.jsonl");
        Path trainingDir = Path.of(args.length > 1 ? args[1] : "src/main/resources/classify/training");
        List<LabelledRow> tuning = LabelledRows.read(dev).stream().filter(r -> !DevSplit.isHeldBack(r.id())).toList();
        List<LabelledRow> training = TrainIntentModel.readAll(trainingDir);
        Lexicon lexicon = Lexicon.loadDefault();
        MessageNormalizer normalizer = new MessageNormalizer(lexicon.aliases, lexicon.vocabulary());
        KeywordRules rules = defaultRules(normalizer);
        LanguageDetector languages = new LanguageDetector(lexicon.languages, SocialClassifier.readModel(SocialClassifier.LANG_MODEL));

        int n = tuning.size();
        double[][] probs = new double[n][];
        double[][] ruleWeights = new double[n][];
        int[] gold = new int[n];
        NormalizedText[] texts = new NormalizedText[n];
        int langOk = 0;
        for (int k = 0; k < FOLDS; k++) {
            final int fold = k;
            java.util.Set<String> foldIds = new java.util.HashSet<>();
            for (LabelledRow r : tuning) {
                if (fold(r.id()) == fold) {
                    foldIds.add(r.id());
                }
            }
            List<LabelledRow> train = new ArrayList<>();
            for (LabelledRow r : TrainIntentModel.capCorpora(training, Integer.getInteger("cv.corpusCap", TrainIntentModel.CORPUS_CAP))) {
                if (!foldIds.contains(r.id())) {
                    train.add(r);
                }
            }
            TrainingParameters parameters = TrainIntentModel.intentParameters();
            if (System.getProperty("cv.l2") != null) {
                parameters.put("L2Cost", Double.parseDouble(System.getProperty("cv.l2")));
            }
            if (System.getProperty("cv.cutoff") != null) {
                parameters.put(TrainingParameters.CUTOFF_PARAM, Integer.parseInt(System.getProperty("cv.cutoff")));
            }
            if (System.getProperty("cv.algorithm") != null) {
                parameters.put(TrainingParameters.ALGORITHM_PARAM, System.getProperty("cv.algorithm"));
            }
            IntentModel model = new IntentModel(TrainIntentModel.trainIntents(train, parameters));
            IntentModel second = null;
            if (System.getProperty("cv.ensemble") != null) {
                TrainingParameters p2 = TrainIntentModel.intentParameters();
                p2.put(TrainingParameters.ALGORITHM_PARAM, System.getProperty("cv.ensemble"));
                second = new IntentModel(TrainIntentModel.trainIntents(train, p2));
            }
            double mix = Double.parseDouble(System.getProperty("cv.mix", "0.5"));
            for (int i = 0; i < n; i++) {
                LabelledRow r = tuning.get(i);
                if (fold(r.id()) != fold) {
                    continue;
                }
                NormalizedText t = normalizer.normalize(r.text());
                texts[i] = t;
                probs[i] = model.probabilities(t);
                if (second != null) {
                    double[] q = second.probabilities(t);
                    for (int j = 0; j < q.length; j++) {
                        probs[i][j] = (1 - mix) * probs[i][j] + mix * q[j];
                    }
                }
                ruleWeights[i] = rules.match(t);
                gold[i] = Categories.INTENTS.indexOf(r.intent());
                langOk += languages.detect(t).equals(r.lang()) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "tuning rows %d, training rows %d, language accuracy %.3f%n", n,
                training.size(), (double) langOk / n);
        int[] modelOnly = new int[n];
        for (int i = 0; i < n; i++) {
            modelOnly[i] = argmax(probs[i]);
        }
        report("model only (argmax, no rules, no gate)", gold, modelOnly, true);
        java.util.Map<String, int[]> perSource = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            int[] c = perSource.computeIfAbsent(tuning.get(i).source(), s -> new int[2]);
            c[0] += modelOnly[i] == gold[i] ? 1 : 0;
            c[1]++;
        }
        perSource.forEach((s, c) -> System.out.printf(Locale.ROOT, "   model only %-18s %3d/%3d %.2f%n", s, c[0], c[1], (double) c[0] / c[1]));
        report("default combiner " + IntentCombiner.DEFAULT, gold, decide(IntentCombiner.DEFAULT, probs, ruleWeights), true);
        reportSentiment(tuning, texts, probs, ruleWeights, args.length > 2 && args[2].equals("--errors"));
        if (args.length > 2 && args[2].equals("--errors")) {
            int[] combined = decide(IntentCombiner.DEFAULT, probs, ruleWeights);
            for (int i = 0; i < n; i++) {
                if (combined[i] != gold[i]) {
                    System.out.printf(Locale.ROOT, "- %s -> %s (model %s %.2f) %s: %s%n", Categories.INTENTS.get(gold[i]),
                            Categories.INTENTS.get(combined[i]), Categories.INTENTS.get(modelOnly[i]), probs[i][modelOnly[i]],
                            tuning.get(i).source(), tuning.get(i).text());
                }
            }
        }
        if (args.length > 2 && args[2].equals("--grid")) {
            for (double rw : new double[] {1.0, 1.5, 2.0}) {
                for (double floor : new double[] {0.02, 0.05, 0.1}) {
                    for (double gate : new double[] {0.5, 0.7, 0.8, 0.9, 0.97}) {
                        IntentCombiner c = new IntentCombiner(rw, 3, floor, 1.0, gate);
                        report(String.format(Locale.ROOT, "rw=%.1f floor=%.2f gate=%.2f", rw, floor, gate), gold,
                                decide(c, probs, ruleWeights), false);
                    }
                }
            }
        }
    }

    /** Sentiment accuracy of the default combiner's output on the tuning rows that have a gold sentiment. */
    static void reportSentiment(List<LabelledRow> tuning, NormalizedText[] texts, double[][] probs, double[][] rules,
                                boolean errors) {
        reportSentiment("default", SentimentScorer.DEFAULT, tuning, texts, probs, rules, errors);
        if (System.getProperty("cv.sentimentGrid") == null) {
            return;
        }
        int support = Categories.INTENTS.indexOf("support");
        int refund = Categories.INTENTS.indexOf("refund_cancel");
        for (double supportLean : new double[] {-0.2, -0.4, -0.6, -0.8}) {
            for (double otherLean : new double[] {0, -0.15, -0.3}) {
                for (boolean politeThanks : new boolean[] {false, true}) {
                    double[] lean = SentimentScorer.DEFAULT.intentLean().clone();
                    boolean[] capped = SentimentScorer.DEFAULT.noPositiveWords().clone();
                    lean[support] = supportLean;
                    lean[Categories.OTHER] = otherLean;
                    capped[support] = politeThanks;
                    capped[refund] = politeThanks;
                    reportSentiment(String.format(Locale.ROOT, "support %.1f other %.2f polite %s", supportLean, otherLean,
                            politeThanks), new SentimentScorer(lean, capped), tuning, texts, probs, rules, false);
                }
            }
        }
    }

    private static void reportSentiment(String title, SentimentScorer scorer, List<LabelledRow> tuning,
                                        NormalizedText[] texts, double[][] probs, double[][] rules, boolean errors) {
        List<String> labels = List.of("negative", "neutral", "positive");
        int[][] m = new int[3][3];
        for (int i = 0; i < texts.length; i++) {
            int g = labels.indexOf(tuning.get(i).sentiment());
            if (g < 0) {
                continue;
            }
            IntentCombiner.Decision d = IntentCombiner.DEFAULT.decide(probs[i], rules[i]);
            double score = scorer.score(texts[i], rules[i], d.intent(), d.confidence());
            int p = labels.indexOf(SentimentScorer.label(score));
            m[g][p]++;
            if (errors && p != g) {
                System.out.printf(Locale.ROOT, "~ %s -> %s %.2f (%s %.2f) %s: %s%n", labels.get(g), labels.get(p), score,
                        Categories.INTENTS.get(d.intent()), d.confidence(), tuning.get(i).source(), tuning.get(i).text());
            }
        }
        int ok = m[0][0] + m[1][1] + m[2][2];
        int total = 0;
        for (int[] row : m) {
            for (int v : row) {
                total += v;
            }
        }
        System.out.printf(Locale.ROOT, "sentiment %-34s accuracy %.3f (%d/%d); rows gold neg/neu/pos: %s %s %s%n",
                title, (double) ok / total, ok, total, java.util.Arrays.toString(m[0]), java.util.Arrays.toString(m[1]),
                java.util.Arrays.toString(m[2]));
    }

    static int[] decide(IntentCombiner c, double[][] probs, double[][] rules) {
        int[] out = new int[probs.length];
        for (int i = 0; i < probs.length; i++) {
            out[i] = c.decide(probs[i], rules[i]).intent();
        }
        return out;
    }

    static void report(String title, int[] gold, int[] predicted, boolean detail) {
        int c = Categories.INTENTS.size();
        int[][] m = new int[c][c];
        for (int i = 0; i < gold.length; i++) {
            m[gold[i]][predicted[i]]++;
        }
        double macro = 0;
        int classes = 0;
        StringBuilder per = new StringBuilder();
        double[] p = new double[c];
        double[] r = new double[c];
        for (int k = 0; k < c; k++) {
            int tp = m[k][k], g = 0, pr = 0;
            for (int j = 0; j < c; j++) {
                g += m[k][j];
                pr += m[j][k];
            }
            p[k] = pr == 0 ? 0 : (double) tp / pr;
            r[k] = g == 0 ? 0 : (double) tp / g;
            double f = p[k] + r[k] == 0 ? 0 : 2 * p[k] * r[k] / (p[k] + r[k]);
            if (g > 0) {
                macro += f;
                classes++;
            }
            per.append(String.format(Locale.ROOT, " %s=%.2f", Categories.INTENTS.get(k).substring(0, 4), f));
        }
        System.out.printf(Locale.ROOT, "%-45s macroF1 %.3f | spam %.3f/%.3f toxic %.3f/%.3f%n", title, macro / classes,
                p[Categories.SPAM], r[Categories.SPAM], p[Categories.TOXIC], r[Categories.TOXIC]);
        if (detail) {
            System.out.println("   " + per);
            for (int k = 0; k < c; k++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "   %-13s", Categories.INTENTS.get(k)));
                for (int j = 0; j < c; j++) {
                    row.append(String.format(Locale.ROOT, "%4d", m[k][j]));
                }
                System.out.println(row);
            }
        }
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Fold of a row: SHA-256 of "cv|" + id, independent of the held-back split. */
    static int fold(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("cv|" + id).getBytes(StandardCharsets.UTF_8));
            return (h[0] & 0xFF) % FOLDS;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeywordRules defaultRules(MessageNormalizer normalizer) {
        KeywordRules.Builder builder = new KeywordRules.Builder();
        try (BufferedReader defaults = ClasspathText.open(SocialClassifier.DEFAULT_KEYWORDS)) {
            new KeywordRuleFile(normalizer).read(defaults, "classify/keywords.txt", builder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }
}

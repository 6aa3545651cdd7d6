package dev.socialbridge.classify;

import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.MaxentModel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped classifier: the bundled maxent intent model combined log-linearly with the keyword layer, a
 * word-list language detector and a lexicon sentiment score. Spam and toxic are gated: they need a keyword
 * signal or a very confident model, because a false positive hides a real customer. Immutable, thread-safe.
 */
public final class SocialClassifier implements Classifier {
    static final String INTENT_MODEL = "/classify/intent-model.bin";
    static final String LANG_MODEL = "/classify/lang-model.bin";
    static final String DEFAULT_KEYWORDS = "/classify/keywords.txt";
    /** Longer texts are cut: a social message past this is a paste, and cost must stay bounded. */
    static final int MAX_CHARS = 4000;

    private final MessageNormalizer normalizer;
    private final LanguageDetector languages;
    private final IntentModel intents;
    private final KeywordRules rules;
    private final IntentCombiner combiner;

    SocialClassifier(MessageNormalizer normalizer, LanguageDetector languages, IntentModel intents,
                     KeywordRules rules, IntentCombiner combiner) {
        this.normalizer = normalizer;
        this.languages = languages;
        this.intents = intents;
        this.rules = rules;
        this.combiner = combiner;
    }

    /** The bundled model and default keyword rules. */
    public static SocialClassifier loadDefault() {
        return load(null);
    }

    /**
     * The bundled model and default keyword rules plus the admin's rules from {@code extraKeywordsFile}
     * (format: see {@code classify/keywords.txt}); null means defaults only.
     *
     * @throws IllegalArgumentException if the file cannot be read or a line is invalid, naming the file,
     *                                  the line and the problem
     */
    public static SocialClassifier load(Path extraKeywordsFile) {
        Lexicon lexicon = Lexicon.loadDefault();
        MessageNormalizer normalizer = new MessageNormalizer(lexicon.aliases, lexicon.vocabulary());
        KeywordRuleFile ruleFile = new KeywordRuleFile(normalizer);
        KeywordRules.Builder builder = new KeywordRules.Builder();
        try (BufferedReader defaults = ClasspathText.open(DEFAULT_KEYWORDS)) {
            ruleFile.read(defaults, "classify/keywords.txt", builder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (extraKeywordsFile != null) {
            readAdminRules(ruleFile, extraKeywordsFile, builder);
        }
        LanguageDetector languages = new LanguageDetector(lexicon.languages, readModel(LANG_MODEL));
        return new SocialClassifier(normalizer, languages, new IntentModel(readModel(INTENT_MODEL)), builder.build(),
                IntentCombiner.DEFAULT);
    }

    private static void readAdminRules(KeywordRuleFile ruleFile, Path file, KeywordRules.Builder builder) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ruleFile.read(reader, file.toString(), builder);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read keyword file: " + e, e);
        }
    }

    /**
     * This classifier with another intent model (an installation's, trained by {@code learn}): same normaliser,
     * language detector and keyword rules.
     *
     * @param intentModel the model in the binary form {@code TrainIntentModel.serialize} writes
     * @throws IllegalArgumentException if the bytes are not such a model
     */
    public SocialClassifier withIntentModel(byte[] intentModel) {
        try {
            MaxentModel model = new GenericModelReader(new BinaryFileDataReader(new java.io.ByteArrayInputStream(intentModel)))
                    .getModel();
            return new SocialClassifier(normalizer, languages, new IntentModel(model), rules, combiner);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an intent model: " + e.getMessage(), e);
        }
    }

    static MaxentModel readModel(String resource) {
        try (InputStream in = SocialClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new GenericModelReader(new BinaryFileDataReader(in)).getModel();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + resource, e);
        }
    }

    @Override
    public Classification classify(String text) {
        try {
            String bounded = text != null && text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
            return classifyNormalized(normalizer.normalize(bounded));
        } catch (RuntimeException e) {
            return new Classification(LanguageDetector.OTHER, "other", 0, "neutral", 0);
        }
    }

    private Classification classifyNormalized(NormalizedText text) {
        if (text.size() == 0) {
            return new Classification(LanguageDetector.OTHER, "other", 1.0, "neutral", 0);
        }
        String lang = languages.detect(text);
        double[] ruleWeights = rules.match(text);
        IntentCombiner.Decision d = combiner.decide(intents.probabilities(text), ruleWeights);
        double sentiment = SentimentScorer.DEFAULT.score(text, ruleWeights, d.intent(), d.confidence());
        return new Classification(lang, Categories.INTENTS.get(d.intent()), d.confidence(),
                SentimentScorer.label(sentiment), sentiment);
    }
}

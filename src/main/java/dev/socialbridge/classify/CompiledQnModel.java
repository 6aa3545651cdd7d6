package dev.socialbridge.classify;

import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

import java.util.Map;

/**
 * An OpenNLP quasi-Newton maxent model laid out for fast evaluation: its features in one open-addressing table keyed
 * by the feature's characters (no {@code String} per feature, no {@code HashMap} node, key and context objects to
 * chase), its weights in one dense array. Gives exactly {@code QNModel.eval}'s probabilities: weights are summed per
 * outcome in feature order, then normalised with the same {@link ArrayMath#logSumOfExps} and {@link StrictMath#exp}.
 * Immutable and thread-safe; an evaluation ({@link Scores}) belongs to one thread.
 */
final class CompiledQnModel {
    private static final int EMPTY = -1;

    private final String[] outcomeNames;
    private final int outcomes;
    /** {@code weights[feature * outcomes + outcome]}; 0 for an outcome the feature has no weight for. */
    private final double[] weights;
    /** Per slot: hash, feature index (or {@value #EMPTY}), key start in {@link #keys}, key length. */
    private final int[] slots;
    private final int mask;
    private final char[] keys;

    private CompiledQnModel(QNModel model) {
        Object[] data = model.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> features = (Map<String, Context>) data[1];
        outcomeNames = ((String[]) data[2]).clone();
        outcomes = outcomeNames.length;
        int n = features.size();
        weights = new double[n * outcomes];
        int capacity = Integer.highestOneBit(Math.max(4, n + n / 2)) << 1;   // load 0.33-0.67
        slots = new int[capacity * 4];
        mask = capacity - 1;
        for (int s = 0; s < capacity; s++) {
            slots[s * 4 + 1] = EMPTY;
        }
        int chars = 0;
        for (String key : features.keySet()) {
            chars += key.length();
        }
        keys = new char[chars];
        int feature = 0;
        int at = 0;
        for (Map.Entry<String, Context> e : features.entrySet()) {
            String key = e.getKey();
            key.getChars(0, key.length(), keys, at);
            int[] outcomeOf = e.getValue().getOutcomes();
            double[] parameters = e.getValue().getParameters();
            for (int j = 0; j < outcomeOf.length; j++) {
                weights[feature * outcomes + outcomeOf[j]] += parameters[j];
            }
            int h = hash(keys, at, key.length());
            int s = h & mask;
            while (slots[s * 4 + 1] != EMPTY) {
                s = (s + 1) & mask;
            }
            slots[s * 4] = h;
            slots[s * 4 + 1] = feature;
            slots[s * 4 + 2] = at;
            slots[s * 4 + 3] = key.length();
            at += key.length();
            feature++;
        }
    }

    /** The compiled form of {@code model}, or null when it is not a {@link QNModel} (other models evaluate differently). */
    static CompiledQnModel of(MaxentModel model) {
        return model != null && model.getClass() == QNModel.class ? new CompiledQnModel((QNModel) model) : null;
    }

    /** Index of the outcome, or -1. */
    int index(String outcome) {
        for (int i = 0; i < outcomes; i++) {
            if (outcomeNames[i].equals(outcome)) {
                return i;
            }
        }
        return -1;
    }

    /** A new evaluation: add the features, then read the probabilities. */
    Scores scores() {
        return new Scores();
    }

    /** The feature's index, or -1 when the model does not know it. */
    private int indexOf(char[] chars, int length) {
        int h = hash(chars, 0, length);
        int s = h & mask;
        while (true) {
            int base = s * 4;
            int feature = slots[base + 1];
            if (feature == EMPTY) {
                return -1;
            }
            if (slots[base] == h && slots[base + 3] == length && same(chars, length, slots[base + 2])) {
                return feature;
            }
            s = (s + 1) & mask;
        }
    }

    private boolean same(char[] chars, int length, int start) {
        for (int i = 0; i < length; i++) {
            if (keys[start + i] != chars[i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] chars, int from, int length) {
        int h = 0;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + chars[i];
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    /** One evaluation in progress: the summed weights per outcome. Not thread-safe. */
    final class Scores implements IntentFeatures.Sink {
        private final double[] sums = new double[outcomes];

        @Override
        public void feature(char[] chars, int length) {
            int f = indexOf(chars, length);
            if (f >= 0) {
                int base = f * outcomes;
                for (int o = 0; o < outcomes; o++) {
                    sums[o] += weights[base + o];
                }
            }
        }

        /** Adds each feature of {@code features}. */
        Scores addAll(String[] features) {
            char[] buffer = new char[32];
            for (String f : features) {
                if (f.length() > buffer.length) {
                    buffer = new char[f.length()];
                }
                f.getChars(0, f.length(), buffer, 0);
                feature(buffer, f.length());
            }
            return this;
        }

        /** The probability of each outcome, in the model's outcome order (as {@code QNModel.eval} gives them). */
        double[] probabilities() {
            double[] p = sums.clone();
            double logSum = ArrayMath.logSumOfExps(p);
            for (int o = 0; o < p.length; o++) {
                p[o] = StrictMath.exp(p[o] - logSum);
            }
            return p;
        }
    }
}

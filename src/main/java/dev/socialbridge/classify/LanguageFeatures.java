package dev.socialbridge.classify;

import java.util.ArrayList;
import java.util.List;

/** Features of the language tie-breaker model: words and character trigrams of words (shared with training). */
public final class LanguageFeatures {
    private LanguageFeatures() {
    }

    public static String[] of(NormalizedText text) {
        List<String> features = new ArrayList<>();
        features.add("bias");
        for (int i = 0; i < text.size(); i++) {
            String t = text.token(i);
            if (t.charAt(0) == '_') {
                continue;
            }
            features.add("w=" + t);
            String padded = "^" + t + "$";
            for (int k = 0; k + 3 <= padded.length(); k++) {
                features.add(padded.substring(k, k + 3));
            }
        }
        return features.toArray(new String[0]);
    }
}

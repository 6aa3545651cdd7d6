package dev.socialbridge.classify;

import java.util.List;

/** The intent labels and the two sentiment lexicon categories that keyword rules may target. */
public final class Categories {
    public static final List<String> INTENTS = List.of("sales_lead", "support", "refund_cancel", "complaint",
            "praise", "question", "spam", "toxic", "other");
    public static final int SPAM = INTENTS.indexOf("spam");
    public static final int TOXIC = INTENTS.indexOf("toxic");
    public static final int OTHER = INTENTS.indexOf("other");
    public static final int COMPLAINT = INTENTS.indexOf("complaint");
    public static final int PRAISE = INTENTS.indexOf("praise");
    /** Index of the positive-sentiment lexicon category, after the intents. */
    public static final int POSITIVE = INTENTS.size();
    /** Index of the negative-sentiment lexicon category. */
    public static final int NEGATIVE = INTENTS.size() + 1;
    public static final int COUNT = INTENTS.size() + 2;

    private Categories() {
    }

    /** Index of an intent, "positive" or "negative"; -1 if unknown. */
    public static int indexOf(String name) {
        if ("positive".equals(name)) {
            return POSITIVE;
        }
        if ("negative".equals(name)) {
            return NEGATIVE;
        }
        return INTENTS.indexOf(name);
    }

    public static String name(int index) {
        return index == POSITIVE ? "positive" : index == NEGATIVE ? "negative" : INTENTS.get(index);
    }
}

package dev.socialbridge.classify.train;

/** One labelled message of a training or evaluation file (JSON Lines with these field names). */
public record LabelledRow(String id, String text, String lang, String intent, String sentiment, String source) {
}

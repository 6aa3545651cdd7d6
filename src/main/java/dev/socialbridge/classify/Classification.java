package dev.socialbridge.classify;

/**
 * What the classifier understood of one message.
 *
 * @param lang             fr | en | other
 * @param intent           sales_lead | support | refund_cancel | complaint | praise | question | spam | toxic | other
 * @param intentConfidence 0..1
 * @param sentiment        negative | neutral | positive
 * @param sentimentScore   -1 (very negative) .. +1 (very positive)
 */
public record Classification(String lang, String intent, double intentConfidence, String sentiment,
                             double sentimentScore) {
}

package dev.socialbridge.connector.whatsapp;

import dev.socialbridge.connector.spi.DeliveryResult;

/** Keeps a token out of a result's reason, should the platform ever quote it back. */
final class WhatsAppRedaction {
    private WhatsAppRedaction() {
    }

    static DeliveryResult redact(DeliveryResult result, String token) {
        String reason = result.reason();
        if (reason == null || token == null || token.isEmpty() || !reason.contains(token)) {
            return result;
        }
        String clean = reason.replace(token, "***");
        if (result instanceof DeliveryResult.Retry r) {
            return new DeliveryResult.Retry(clean, r.retryAfter());
        }
        if (result instanceof DeliveryResult.AccountInvalid) {
            return new DeliveryResult.AccountInvalid(clean);
        }
        if (result instanceof DeliveryResult.NotSendable) {
            return new DeliveryResult.NotSendable(clean);
        }
        return result instanceof DeliveryResult.Unreachable ? new DeliveryResult.Unreachable(clean)
                : new DeliveryResult.Failed(clean);
    }
}

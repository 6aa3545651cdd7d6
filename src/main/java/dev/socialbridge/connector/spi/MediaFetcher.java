package dev.socialbridge.connector.spi;

import dev.socialbridge.interaction.Attachment;

/**
 * Downloads a customer's attachment (image, audio, document) so that it reaches the host ticket as a file.
 * Platforms hand out media ids or short-lived URLs; this capability knows how to turn them into bytes with the
 * account's credentials. One attempt per call; thread-safe.
 */
public interface MediaFetcher {

    /** Whether {@code attachment} names something downloadable. */
    boolean canFetch(Attachment attachment);

    /**
     * Downloads it for {@code accountId}, refusing more than {@code maxBytes}.
     *
     * @return {@link MediaResult.Fetched}, or {@link MediaResult.NotFetched} with why (too large, expired, rate limited)
     */
    MediaResult fetch(String accountId, Attachment attachment, long maxBytes);

    /** Outcome of one download. */
    sealed interface MediaResult {
        /** The file. */
        record Fetched(byte[] bytes, String mimeType, String fileName) implements MediaResult { }

        /** Not downloaded; {@code status} is never {@link DeliveryResult.Delivered}. */
        record NotFetched(DeliveryResult status) implements MediaResult { }
    }
}

package dev.socialbridge.connector.spi;

import dev.socialbridge.interaction.Interaction;

/**
 * Completes an interaction whose webhook carried only ids (an Instagram @mention names the media and comment,
 * not the author or the text). Called from the platform outbox, so a failed fetch is retried like a failed
 * reply: one attempt per call, the outbox owns retries and the dead-letter state.
 */
public interface InteractionFetcher {

    /** Whether this fetcher can complete {@code partial} (platform and kind it knows how to look up). */
    boolean canFetch(Interaction partial);

    /**
     * Whether {@code interaction} as received lacks what automation needs (text, author) and must be read back
     * first; the pipeline then queues a fetch instead of processing it.
     */
    boolean needsFetch(Interaction interaction);

    /**
     * Looks the interaction up on the platform.
     *
     * @return {@link FetchResult.Fetched} with the completed interaction (same thread key and item id), or
     *         {@link FetchResult.NotFetched} with what the outbox should do (retry, give up, flag the account)
     */
    FetchResult fetch(Interaction partial);

    /** Outcome of one fetch attempt. */
    sealed interface FetchResult {
        /** The platform returned the item; {@code interaction} is the completed copy. */
        record Fetched(Interaction interaction) implements FetchResult { }

        /** The platform did not return it; {@code status} is never {@link DeliveryResult.Delivered}. */
        record NotFetched(DeliveryResult status) implements FetchResult { }
    }
}

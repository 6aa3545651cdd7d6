package dev.socialbridge.connector.spi;

import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.Platform;
import java.util.Optional;
import java.util.Set;

/**
 * One platform family's connector, built by its {@link ConnectorFactory} from its settings: how its webhooks are
 * authenticated, how their bodies become interactions, how actions go back, and which optional capabilities it
 * has. Capabilities a platform lacks are empty {@link Optional}s (never {@code instanceof} checks); reply channels
 * and moderation a platform does not offer are refused, with the reason, by {@link #actionPolicy()}.
 *
 * <p>Thread-safe: the webhook ingress runs on HTTP threads, the parser on the inbox drainer, the client and the
 * capabilities on the platform outbox thread. {@link #close()} releases its resources.
 */
public interface Connector extends AutoCloseable {

    /** The factory id. */
    String id();

    /** The platforms it speaks for. */
    Set<Platform> platforms();

    /** Authenticity check of {@code /webhooks/<id>}; empty for a connector that only polls. */
    Optional<WebhookIngress> webhookIngress();

    /** Splits a verified webhook body into items. */
    WebhookParser parser();

    /** Sends replies and moderation actions. */
    PlatformClient client();

    /** Ids of our own accounts on the platform (loop guard: automation never answers them). */
    Set<String> ownAccountIds();

    /** What automation may do on its platforms: reply channels, text limits, hiding. Pure, no I/O. */
    ActionPolicy actionPolicy();

    /**
     * What the platform expects as soon as {@code interaction} is received (e.g. Telegram's
     * {@code answerCallbackQuery} for a button press), queued before any reply; empty for most interactions.
     */
    default Optional<OutboundAction> acknowledgement(Interaction interaction) {
        return Optional.empty();
    }

    /** Completes interactions whose webhook carried only ids (e.g. an Instagram @mention). */
    default Optional<InteractionFetcher> interactionFetcher() {
        return Optional.empty();
    }

    /** Looks up an author's follower count (VIP rules). */
    default Optional<AuthorAudienceLookup> audienceLookup() {
        return Optional.empty();
    }

    /** Looks up an author's name and username when the webhook carries only an id (Messenger, Instagram DMs). */
    default Optional<AuthorProfileLookup> profileLookup() {
        return Optional.empty();
    }

    /** Downloads a customer's attachments so that they reach the host ticket. */
    default Optional<MediaFetcher> mediaFetcher() {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}

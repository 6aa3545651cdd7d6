package dev.socialbridge.connector.telegram;

import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.ConnectorContext;
import dev.socialbridge.connector.spi.MediaFetcher;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.PlatformClient;
import dev.socialbridge.connector.spi.WebhookIngress;
import dev.socialbridge.connector.spi.WebhookParser;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import java.util.Optional;
import java.util.Set;

/**
 * Telegram bots: one webhook per bot on {@code /webhooks/telegram/<bot>}, private chats and group messages for
 * the bot to tickets, replies with {@code sendMessage}, button presses acknowledged with
 * {@code answerCallbackQuery}, messages deleted with {@code deleteMessage}, people banned from a group with
 * {@code banChatMember}, customers' files downloaded for the ticket.
 */
final class TelegramConnector implements Connector {
    private final TelegramBots bots;
    private final TelegramClient client;
    private final TelegramWebhookParser parser;
    private final TelegramWebhookIngress ingress;
    private final TelegramMediaFetcher media;
    private final ActionPolicy policy = new TelegramActionPolicy();

    TelegramConnector(ConnectorContext context) {
        SettingValues s = context.settings();
        this.bots = TelegramBots.from(s);
        this.client = new TelegramClient(bots, s.get(TelegramSettings.API_BASE_URL));
        this.parser = new TelegramWebhookParser(bots, context.clock());
        this.ingress = new TelegramWebhookIngress(bots);
        this.media = new TelegramMediaFetcher(bots, client);
    }

    @Override
    public String id() {
        return TelegramConnectorFactory.ID;
    }

    @Override
    public Set<Platform> platforms() {
        return Set.of(Platform.TELEGRAM);
    }

    @Override
    public Optional<WebhookIngress> webhookIngress() {
        return Optional.of(ingress);
    }

    @Override
    public WebhookParser parser() {
        return parser;
    }

    @Override
    public PlatformClient client() {
        return client;
    }

    @Override
    public Set<String> ownAccountIds() {
        return bots.ownIds();
    }

    @Override
    public ActionPolicy actionPolicy() {
        return policy;
    }

    /** A button press shows a spinner until {@code answerCallbackQuery}. */
    @Override
    public Optional<OutboundAction> acknowledgement(Interaction i) {
        if (i.platform() != Platform.TELEGRAM || i.kind() != InteractionKind.POSTBACK
                || TelegramIds.callbackQueryId(i.itemId()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OutboundAction.Acknowledge(Platform.TELEGRAM, i.accountId(), i.itemId()));
    }

    @Override
    public Optional<MediaFetcher> mediaFetcher() {
        return Optional.of(media);
    }

    @Override
    public String toString() {
        return "TelegramConnector" + bots.names();
    }
}

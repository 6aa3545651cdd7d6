package dev.socialbridge.connector.telegram;

import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.MediaFetcher;
import dev.socialbridge.connector.telegram.TelegramResponses.Answer;
import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.support.Json;

/**
 * A customer's Telegram file: {@code getFile} turns its {@code file_id} into a {@code file_path} (and size, refused
 * over the cap before any download), then the file is downloaded with the bot's token. Bot API files are kept at
 * least an hour after {@code getFile}, and only files up to 20 MB can be downloaded.
 */
final class TelegramMediaFetcher implements MediaFetcher {
    private static final String OCTET_STREAM = "application/octet-stream";

    private final TelegramBots bots;
    private final TelegramClient client;

    TelegramMediaFetcher(TelegramBots bots, TelegramClient client) {
        this.bots = bots;
        this.client = client;
    }

    @Override
    public boolean canFetch(Attachment a) {
        return a.mediaId() != null && !a.mediaId().isBlank() && TelegramAttachments.TYPES.contains(a.type());
    }

    @Override
    public MediaResult fetch(String accountId, Attachment a, long maxBytes) {
        TelegramBot bot = bots.find(accountId).orElse(null);
        if (bot == null) {
            return notFetched(new DeliveryResult.AccountInvalid("no Telegram bot named '" + accountId + "' is configured"));
        }
        String what = "the Telegram " + a.type();
        Answer answer = client.call(bot, "getFile", Json.MAPPER.createObjectNode().put("file_id", a.mediaId()));
        if (answer.failure() != null) {
            return notFetched(answer.failure());
        }
        long size = answer.result() == null ? -1 : answer.result().path("file_size").asLong(-1);
        if (size > maxBytes) {
            return notFetched(new DeliveryResult.NotSendable(what + " is " + size
                    + " bytes, more than socialbridge.media.max-bytes (" + maxBytes + ")"));
        }
        String path = answer.result() == null ? null : answer.result().path("file_path").asText(null);
        String name = a.fileName() != null ? a.fileName() : path == null ? null : path.substring(path.lastIndexOf('/') + 1);
        MediaResult r = client.download(bot, path, maxBytes, name, what);
        if (r instanceof MediaResult.Fetched f && OCTET_STREAM.equals(f.mimeType()) && a.mimeType() != null) {
            return new MediaResult.Fetched(f.bytes(), a.mimeType(), f.fileName());
        }
        return r;
    }

    private static MediaResult notFetched(DeliveryResult status) {
        return new MediaResult.NotFetched(status);
    }
}

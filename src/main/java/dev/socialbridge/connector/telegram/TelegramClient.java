package dev.socialbridge.connector.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.MediaFetcher.MediaResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.PlatformClient;
import dev.socialbridge.connector.telegram.TelegramResponses.Answer;
import dev.socialbridge.support.HttpDownload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one class that speaks HTTP to the Telegram Bot API: {@code POST {api}/bot<token>/<method>} with JSON
 * parameters (replies, files sent by URL, button acknowledgements, deletes, bans from a group, {@code getFile},
 * {@code setWebhook}) and file downloads from {@code {api}/file/bot<token>/<file_path>}. What a bot cannot do (hide a
 * message, block someone in a private chat) is refused without a call. One attempt per call (the outbox owns
 * retries); every expected remote failure is a {@link DeliveryResult}. The token travels in the URL path only: it
 * never reaches logs, results or {@link #toString()}. Thread-safe.
 */
final class TelegramClient implements PlatformClient {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramClient.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);
    /** What {@code getFile} returns as {@code file_path}; nothing that could leave the bot's file directory. */
    private static final Pattern FILE_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    private final TelegramBots bots;
    private final String apiBaseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;

    TelegramClient(TelegramBots bots, String apiBaseUrl) {
        this(bots, apiBaseUrl, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build(), REQUEST_TIMEOUT);
    }

    /** @param requestTimeout how long one method call may take (downloads get longer) */
    TelegramClient(TelegramBots bots, String apiBaseUrl, HttpClient http, Duration requestTimeout) {
        this.bots = Objects.requireNonNull(bots, "bots");
        String base = Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        this.apiBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    @Override
    public DeliveryResult deliver(OutboundAction action) {
        Objects.requireNonNull(action, "action");
        TelegramBot bot = bots.find(action.accountId()).orElse(null);
        if (bot == null) {
            return new DeliveryResult.AccountInvalid("no Telegram bot named '" + action.accountId() + "' is configured");
        }
        TelegramCall call = TelegramCall.of(action);
        if (call.refusal() != null) {
            return call.refusal();
        }
        Answer answer = call(bot, call.method(), call.params());
        DeliveryResult result = answer.failure() != null ? answer.failure() : call.delivered(answer.result());
        LOG.debug("{} for bot {} -> {}", call.method(), bot.name(), result);
        return result;
    }

    /** One Bot API method call for {@code bot}: the {@code result} of an ok answer, or the classified failure. */
    Answer call(TelegramBot bot, String method, ObjectNode params) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBaseUrl + "/bot" + bot.token().reveal() + "/" + method))
                .timeout(requestTimeout).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(params.toString(), StandardCharsets.UTF_8)).build();
        String describe = method + " for bot " + bot.name();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Answer answer = TelegramResponses.classify(method, bot.name(), response.statusCode(), response.body());
            return answer.failure() == null ? answer : Answer.failed(answer.failure().redacted(bot.token().reveal()));
        } catch (HttpTimeoutException e) {
            return Answer.failed(new DeliveryResult.Retry("timeout: " + describe, null));
        } catch (IOException e) {
            DeliveryResult failure = new DeliveryResult.Retry("I/O error on " + describe + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), null);
            return Answer.failed(failure.redacted(bot.token().reveal()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed(new DeliveryResult.Retry("interrupted: " + describe, null));
        }
    }

    /** Downloads a file {@code getFile} named, refusing more than {@code maxBytes}. */
    MediaResult download(TelegramBot bot, String filePath, long maxBytes, String fileName, String what) {
        if (filePath == null || !FILE_PATH.matcher(filePath).matches() || filePath.contains("..")) {
            return new MediaResult.NotFetched(new DeliveryResult.NotSendable("Telegram gave no usable file path for " + what));
        }
        HttpRequest request = HttpDownload.request(apiBaseUrl + "/file/bot" + bot.token().reveal() + "/" + filePath,
                DOWNLOAD_TIMEOUT).build();
        MediaResult result = HttpDownload.get(http, request, maxBytes, fileName, what);
        return result instanceof MediaResult.NotFetched n
                ? new MediaResult.NotFetched(n.status().redacted(bot.token().reveal())) : result;
    }

    @Override
    public String toString() {
        return "TelegramClient[" + apiBaseUrl + ", bots=" + bots.names() + "]";
    }
}

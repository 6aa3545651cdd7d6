package dev.socialbridge.connector.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.MediaFetcher;
import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.support.HttpDownload;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's WhatsApp media: the webhook gives a media id; {@code GET /{media-id}} (Bearer token) answers a
 * short-lived URL with the MIME type and size, and that URL is downloaded with the same token. A file over the cap
 * is refused from its declared size, before any download. Media expire (about 30 days): a 404 is not retried.
 */
final class WhatsAppMediaFetcher implements MediaFetcher {
    private static final Pattern MEDIA_ID = Pattern.compile("[0-9]{1,32}");

    private final WhatsAppAccounts accounts;
    private final WhatsAppGraph graph;
    private final HttpClient downloads;

    /** @param downloads client for the file itself (may follow redirects; the Graph client does not) */
    WhatsAppMediaFetcher(WhatsAppAccounts accounts, WhatsAppGraph graph, HttpClient downloads) {
        this.accounts = accounts;
        this.graph = graph;
        this.downloads = downloads;
    }

    @Override
    public boolean canFetch(Attachment a) {
        return a.mediaId() != null && MEDIA_ID.matcher(a.mediaId()).matches()
                && WhatsAppContent.MEDIA.contains(a.type());
    }

    @Override
    public MediaResult fetch(String accountId, Attachment a, long maxBytes) {
        Optional<WhatsAppAccount> account = accounts.find(accountId);
        if (account.isEmpty()) {
            return notFetched(new DeliveryResult.AccountInvalid("no WhatsApp number configured with phone number id "
                    + accountId));
        }
        if (!canFetch(a)) {
            return notFetched(new DeliveryResult.Failed("not a WhatsApp media id: " + a.mediaId()));
        }
        String token = account.get().accessToken();
        String what = "the " + a.type() + " " + a.mediaId();
        WhatsAppGraph.Exchange exchange = graph.send(graph.authorised(graph.uri(a.mediaId()
                + "?phone_number_id=" + account.get().phoneNumberId()), token).GET().build(), "GET /" + a.mediaId());
        if (exchange.failure() != null) {
            return notFetched(exchange.failure());
        }
        HttpResponse<String> response = exchange.response();
        if (response.statusCode() == 404) {
            return notFetched(new DeliveryResult.NotSendable(what + " is no longer on WhatsApp (media expire after"
                    + " about 30 days): ask the customer to send it again"));
        }
        DeliveryResult answer = WhatsAppGraphResponses.classify(response.statusCode(), response.body(),
                response.headers());
        if (!(answer instanceof DeliveryResult.Delivered)) {
            return notFetched(answer.redacted(token));
        }
        return download(parse(response.body()), a, token, maxBytes, what);
    }

    private MediaResult download(JsonNode meta, Attachment a, String token, long maxBytes, String what) {
        String url = meta == null ? null : meta.path("url").asText(null);
        if (!isHttp(url)) {
            return notFetched(new DeliveryResult.Failed("WhatsApp gave no download URL for " + what));
        }
        long size = meta.path("file_size").asLong(-1);
        if (size > maxBytes) {
            return notFetched(new DeliveryResult.NotSendable(what + " is " + size + " bytes, more than"
                    + " socialbridge.media.max-bytes (" + maxBytes + ")"));
        }
        MediaResult result = HttpDownload.get(downloads, graph.authorised(URI.create(url), token).GET().build(),
                maxBytes, fileName(a, meta), what);
        if (result instanceof MediaResult.Fetched f && isGeneric(f.mimeType())) {
            String declared = meta.path("mime_type").asText(a.mimeType());
            return new MediaResult.Fetched(f.bytes(), declared != null ? declared : f.mimeType(), f.fileName());
        }
        return result;
    }

    /** The document's own name, else {@code <type>-<media id>.<extension of the MIME type>}. */
    private static String fileName(Attachment a, JsonNode meta) {
        if (a.fileName() != null && !a.fileName().isBlank()) {
            return a.fileName();
        }
        String mime = meta.path("mime_type").asText(a.mimeType() != null ? a.mimeType() : "");
        String subtype = mime.contains("/") ? mime.substring(mime.indexOf('/') + 1).split("[;+ ]")[0] : "";
        return a.type() + "-" + a.mediaId() + (subtype.matches("[a-z0-9.-]{1,10}") ? "." + subtype : "");
    }

    private static boolean isGeneric(String mimeType) {
        return mimeType == null || mimeType.equals("application/octet-stream");
    }

    private static boolean isHttp(String url) {
        try {
            String scheme = url == null ? null : URI.create(url).getScheme();
            return "https".equals(scheme) || "http".equals(scheme);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static MediaResult notFetched(DeliveryResult status) {
        return new MediaResult.NotFetched(status);
    }
}

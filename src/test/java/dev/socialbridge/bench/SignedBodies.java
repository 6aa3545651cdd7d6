package dev.socialbridge.bench;

import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes COUNT distinct authentic webhook bodies, numbered from FIRST, as {@code path TAB header TAB value TAB body}
 * lines for the wrk Lua script of the ingest benchmark. Every body carries unique ids (so none is a redelivery that
 * dedupe would absorb: the template's {@code 178900000000} / {@code 990000000000} ids are replaced by the body's
 * number) and its own signature or secret header:
 * <ul>
 *   <li>{@code meta}: the ~1.5 KB Instagram comment fixture, {@code X-Hub-Signature-256} on {@code /webhooks/meta};</li>
 *   <li>{@code whatsapp}: a ~1.5 KB WhatsApp text message, {@code X-Hub-Signature-256} on {@code /webhooks/whatsapp};</li>
 *   <li>{@code telegram}: a ~1.5 KB Telegram private message, {@code X-Telegram-Bot-Api-Secret-Token} on
 *       {@code /webhooks/telegram/bench}.</li>
 * </ul>
 * Usage: {@code SignedBodies KIND SECRET FIRST COUNT OUT_FILE}.
 */
public final class SignedBodies {
    private SignedBodies() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        String secret = args[1];
        long first = Long.parseLong(args[2]);
        long count = Long.parseLong(args[3]);
        String template = Files.readString(Path.of("test-fixtures/inbound", kind.equals("meta") ? "meta" : kind,
                kind.equals("meta") ? "ig-comment-1500b.json" : "bench-1500b.json")).strip();
        MetaSignatureVerifier signer = new MetaSignatureVerifier(secret);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8)) {
            for (long i = first; i < first + count; i++) {
                String body = template.replace("178900000000", String.format("17%010d", i))
                        .replace("990000000000", String.format("9%011d", i));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                switch (kind) {
                    case "meta" -> line(out, "/webhooks/meta", MetaSignatureVerifier.HEADER, signer.sign(bytes), body);
                    case "whatsapp" -> line(out, "/webhooks/whatsapp", MetaSignatureVerifier.HEADER, signer.sign(bytes), body);
                    case "telegram" -> line(out, "/webhooks/telegram/bench", "X-Telegram-Bot-Api-Secret-Token", secret, body);
                    default -> throw new IllegalArgumentException("kind must be meta, whatsapp or telegram: " + kind);
                }
            }
        }
    }

    private static void line(BufferedWriter out, String path, String header, String value, String body) throws Exception {
        out.write(path);
        out.write('\t');
        out.write(header);
        out.write('\t');
        out.write(value);
        out.write('\t');
        out.write(body);
        out.write('\n');
    }
}

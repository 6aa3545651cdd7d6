package dev.socialbridge.connector.meta;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Meta's {@code X-Hub-Signature-256: sha256=<hex>} header: HMAC-SHA256 of the raw request body
 * bytes keyed with the app secret, compared in constant time. Thread-safe; one {@link Mac} per thread.
 * Verify the bytes exactly as received: Meta signs its escaped-unicode serialisation, so re-serialised
 * JSON would not match. The secret never appears in {@link #toString()}.
 */
public final class MetaSignatureVerifier {

    /** The header carrying the signature. */
    public static final String HEADER = "X-Hub-Signature-256";

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_BYTES = 32;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    /** @param appSecret the Meta app secret (App Dashboard → Settings → Basic), non-empty */
    public MetaSignatureVerifier(String appSecret) {
        this(Objects.requireNonNull(appSecret, "appSecret").getBytes(StandardCharsets.UTF_8));
    }

    public MetaSignatureVerifier(byte[] appSecret) {
        Objects.requireNonNull(appSecret, "appSecret");
        if (appSecret.length == 0) {
            throw new IllegalArgumentException("Meta app secret is empty");
        }
        this.key = new SecretKeySpec(appSecret, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac(); // fail fast on a broken JCE rather than on the first request
    }

    /**
     * @param rawBody         the request body bytes exactly as received
     * @param signatureHeader the {@value #HEADER} value, may be null
     * @return true only when the header is well-formed and matches
     */
    public boolean verify(byte[] rawBody, String signatureHeader) {
        if (rawBody == null || signatureHeader == null) {
            return false;
        }
        byte[] claimed = decode(signatureHeader.trim());
        return claimed != null && MessageDigest.isEqual(digest(rawBody), claimed);
    }

    /** The header value Meta would send for {@code rawBody}: {@code sha256=<lower-case hex>} (tests, tools). */
    public String sign(byte[] rawBody) {
        return PREFIX + MetaKeys.hex(digest(rawBody), DIGEST_BYTES);
    }

    private byte[] digest(byte[] body) {
        return macs.get().doFinal(body);
    }

    /** The claimed digest, or null when the prefix, length or hex digits are wrong. */
    private static byte[] decode(String header) {
        if (header.length() != PREFIX.length() + 2 * DIGEST_BYTES
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        byte[] out = new byte[DIGEST_BYTES];
        for (int i = 0; i < DIGEST_BYTES; i++) {
            int hi = hexDigit(header.charAt(PREFIX.length() + 2 * i));
            int lo = hexDigit(header.charAt(PREFIX.length() + 2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** ASCII hex only ({@link Character#digit} would also accept non-ASCII digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot initialise " + ALGORITHM, e);
        }
    }

    @Override
    public String toString() {
        return "MetaSignatureVerifier[secret=***]";
    }
}

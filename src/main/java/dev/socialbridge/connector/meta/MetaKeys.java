package dev.socialbridge.connector.meta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Short stable content hashes used inside dedupe keys (SHA-256, first 16 hex digits). */
final class MetaKeys {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    });

    private MetaKeys() {
    }

    /** First 64 bits of SHA-256(UTF-8 of {@code s}) as 16 lower-case hex digits; {@code null} hashes like "". */
    static String hash(String s) {
        byte[] d = SHA256.get().digest((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
        return hex(d, 8);
    }

    static String hex(byte[] bytes, int count) {
        char[] out = new char[count * 2];
        for (int i = 0; i < count; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}

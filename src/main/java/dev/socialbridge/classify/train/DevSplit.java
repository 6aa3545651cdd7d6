package dev.socialbridge.classify.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fixed split of the labelled dev set: a row is held back for the final report when the first four bytes
 * of SHA-256(id), read as an unsigned big-endian number, are below half of their range modulo 100 (< 50).
 * Held-back rows are never used to train the model or to write rules; the rest is the tuning part.
 */
public final class DevSplit {
    private DevSplit() {
    }

    public static boolean isHeldBack(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            long v = ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
            return v % 100 < 50;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.socialbridge.links;

import dev.socialbridge.support.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Codes of tracked links: {@value #LENGTH} characters of base62 (about 59 bits), short enough for a bio and not
 * guessable. Codes created by an admin are random ({@link SecureRandom}); codes minted for a thread's {@code {link}}
 * are derived (HMAC-SHA256 under a key of this installation) from the thread, the campaign and the medium, so that
 * the rules engine can put the link in a reply without any I/O and a second reply on the same thread and campaign
 * gets the same link. Thread-safe; {@link #toString()} never shows the key.
 */
public final class LinkCodes {
    /** Length of every code. */
    public static final int LENGTH = 10;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    /** @param secret a secret of this installation (the admin token): the minting key is derived from it */
    public LinkCodes(String secret) {
        this.key = Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8),
                "social-bridge tracked links v1".getBytes(StandardCharsets.UTF_8));
    }

    /** A new random code. */
    public static String random() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** Whether {@code s} has the shape of a code (a malformed code is answered 404 without a lookup). */
    public static boolean isCode(String s) {
        return s != null && CODE.matcher(s).matches();
    }

    /** The code of the link for {@code threadKey}, {@code campaign} (null: none) and {@code medium}: always the same. */
    public String forThread(String threadKey, String campaign, String medium) {
        byte[] mac = Hmac.sha256(key, (threadKey + "\n" + (campaign == null ? "" : campaign) + "\n" + medium)
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder(LENGTH);
        // the first 64 bits of the MAC written in base 62 (62^10 < 2^64: ten digits)
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | (mac[i] & 0xff);
        }
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt((int) Long.remainderUnsigned(bits, 62)));
            bits = Long.divideUnsigned(bits, 62);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "LinkCodes[****]";
    }
}

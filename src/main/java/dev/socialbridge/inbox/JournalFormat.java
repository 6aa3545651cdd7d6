package dev.socialbridge.inbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * On-disk record format of the webhook journal:
 * {@code [int length][int crc32c][long receivedAtMillis][short sourceLength][source][body]}, where
 * {@code length} counts the bytes after the crc and the crc covers those same bytes. A record whose
 * length or crc does not check out marks the torn tail of a crash.
 */
final class JournalFormat {
    static final int HEADER = 8;
    static final int MAX_RECORD = 64 * 1024 * 1024;

    private JournalFormat() {
    }

    static int encodedSize(byte[] source, byte[] body) {
        return HEADER + 8 + 2 + source.length + body.length;
    }

    static void encode(ByteBuffer out, byte[] source, long receivedAt, byte[] body) {
        int start = out.position();
        int length = 8 + 2 + source.length + body.length;
        out.putInt(length);
        out.putInt(0);
        out.putLong(receivedAt);
        out.putShort((short) source.length);
        out.put(source);
        out.put(body);
        CRC32C crc = new CRC32C();
        ByteBuffer view = out.duplicate();
        view.position(start + HEADER).limit(start + HEADER + length);
        crc.update(view);
        out.putInt(start + 4, (int) crc.getValue());
    }

    /** Decodes the payload part (after the header) once its crc has been checked. */
    static JournalEntry decode(ByteBuffer payload, JournalPosition end) {
        long receivedAt = payload.getLong();
        int sourceLength = payload.getShort();
        byte[] source = new byte[sourceLength];
        payload.get(source);
        byte[] body = new byte[payload.remaining()];
        payload.get(body);
        return new JournalEntry(new String(source, StandardCharsets.UTF_8), receivedAt, body, end);
    }

    static boolean crcMatches(ByteBuffer payload, int expected) {
        CRC32C crc = new CRC32C();
        crc.update(payload.duplicate());
        return (int) crc.getValue() == expected;
    }
}

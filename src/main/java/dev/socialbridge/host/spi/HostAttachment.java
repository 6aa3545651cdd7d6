package dev.socialbridge.host.spi;

import java.util.Objects;

/**
 * A file attached to a customer message in the host ticket (a photo, voice note or document the customer sent).
 *
 * @param fileName file name shown in the host
 * @param mimeType MIME type, e.g. {@code image/jpeg}
 * @param content  the bytes
 */
public record HostAttachment(String fileName, String mimeType, byte[] content) {
    public HostAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "HostAttachment[" + fileName + ", " + mimeType + ", " + content.length + " bytes]";
    }
}

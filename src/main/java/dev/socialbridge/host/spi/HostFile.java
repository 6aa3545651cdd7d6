package dev.socialbridge.host.spi;

import java.util.Objects;

/**
 * A file an agent attached to a reply in the host, by reference: downloaded with {@link HostAdapter#downloadFile}
 * only when a platform fetches it.
 *
 * @param id       the host's id of the file (RT: the attachment id)
 * @param fileName its name
 * @param mimeType its MIME type
 */
public record HostFile(String id, String fileName, String mimeType) {
    public HostFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mimeType, "mimeType");
    }
}

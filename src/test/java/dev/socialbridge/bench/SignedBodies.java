package dev.socialbridge.bench;

import dev.socialbridge.connector.meta.MetaSignatureVerifier;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes N distinct signed webhook bodies (the ~1.5 KB Instagram comment fixture with unique comment
 * ids) as {@code signature TAB body} lines, for the wrk Lua script of the ingest benchmark.
 * Usage: {@code SignedBodies APP_SECRET N OUT_FILE}.
 */
public final class SignedBodies {
    private SignedBodies() {
    }

    public static void main(String[] args) throws Exception {
        MetaSignatureVerifier signer = new MetaSignatureVerifier(args[0]);
        int n = Integer.parseInt(args[1]);
        String template = Files.readString(Path.of("test-fixtures/inbound/meta/ig-comment-1500b.json")).strip();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                String body = template.replace("178900000000", String.format("17%010d", i));
                out.write(signer.sign(body.getBytes(StandardCharsets.UTF_8)));
                out.write('\t');
                out.write(body);
                out.write('\n');
            }
        }
    }
}

package dev.socialbridge.learning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of intent models: {@code shipped-<hash>} for the model in the bundle, {@code local-<n>-<hash>} for the n-th
 * model trained for this installation; the hash is the first 8 hex digits of the model bytes' SHA-256, so a name
 * always tells which bytes classified a message.
 */
public final class ModelVersion {
    private static final String SHIPPED_RESOURCE = "/classify/intent-model.bin";
    private static volatile String shipped;

    private ModelVersion() {
    }

    /** The bundled model's name. */
    public static String shipped() {
        String s = shipped;
        if (s == null) {
            try (InputStream in = ModelVersion.class.getResourceAsStream(SHIPPED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + SHIPPED_RESOURCE);
                }
                s = "shipped-" + hash(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = s;
        }
        return s;
    }

    /** The name of the {@code n}-th installation model with these bytes. */
    public static String local(int n, byte[] model) {
        return "local-" + n + "-" + hash(model);
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

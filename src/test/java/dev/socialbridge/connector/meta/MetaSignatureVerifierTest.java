package dev.socialbridge.connector.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MetaSignatureVerifierTest {

    /** Research notes §16.2: Q1 minified, key test_app_secret. */
    private static final byte[] Q1 = ("{\"object\":\"page\",\"entry\":[{\"id\":\"0\",\"time\":1111111,\"messaging\":[{\"sender\":"
            + "{\"id\":\"0\"},\"recipient\":{\"id\":\"0\"},\"timestamp\":2222222,\"referral\":{\"ref\":"
            + "\"USER_DEFINED_REFERRAL_PARAM\",\"source\":\"SHORTLINK\",\"type\":\"OPEN_THREAD\"}}]}]}")
            .getBytes(StandardCharsets.UTF_8);
    private static final String Q1_SIGNATURE = "sha256=a0e0fbfba322a395d173c974fd88ffcf4fde6e8ef75896165a5e01753faae6b8";

    private final MetaSignatureVerifier verifier = new MetaSignatureVerifier("test_app_secret");

    @Test
    void acceptsTheDocumentedTestVector() {
        assertTrue(verifier.verify(Q1, Q1_SIGNATURE));
        assertEquals(Q1_SIGNATURE, verifier.sign(Q1));
    }

    @Test
    void acceptsUpperCaseHexAndSurroundingWhitespace() {
        assertTrue(verifier.verify(Q1, "  sha256=" + Q1_SIGNATURE.substring(7).toUpperCase() + " "));
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        String other = new MetaSignatureVerifier("another_secret").sign(Q1);
        assertFalse(verifier.verify(Q1, other));
    }

    @Test
    void rejectsABodyAlteredByOneByte() {
        byte[] altered = Q1.clone();
        altered[altered.length - 5] ^= 0x01;
        assertFalse(verifier.verify(altered, Q1_SIGNATURE));
    }

    @Test
    void verifiesTheEscapedFixtureBytesAsReceived() {
        byte[] body = MetaFixtures.bytes("ig-comment-1500b.json");
        String header = verifier.sign(body);
        assertTrue(verifier.verify(body, header));
        byte[] reserialised = MetaFixtures.json("ig-comment-1500b.json").toString().getBytes(StandardCharsets.UTF_8);
        assertFalse(verifier.verify(reserialised, header), "Meta signs the escaped form: re-serialised JSON differs");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "sha1=a0e0fbfba322a395d173c974fd88ffcf4fde6e8ef75896165a5e01753faae6b8",
        "a0e0fbfba322a395d173c974fd88ffcf4fde6e8ef75896165a5e01753faae6b8",
        "sha256=",
        "sha256=a0e0fbfba322a395d173c974fd88ffcf4fde6e8ef75896165a5e01753faae6b",
        "sha256=a0e0fbfba322a395d173c974fd88ffcf4fde6e8ef75896165a5e01753faae6b8a",
        "sha256=a0e0fbfba322a395d173c974fd88ffcf4fde6e8ef75896165a5e01753faae6bz",
        "sha256=a0e0fbfba322a395d173c974fd88ffcf4fde6e8ef75896165a5e01753faae6\u0661\u0662",
        "sha256=a0e0fbfba322a395d173c974fd88ffcf4fde6e8ef75896165a5e01753faae6b8,sha256=00",
    })
    void rejectsMissingOrMalformedHeaders(String header) {
        assertFalse(verifier.verify(Q1, header));
    }

    @Test
    void rejectsAMissingBody() {
        assertFalse(verifier.verify(null, Q1_SIGNATURE));
    }

    @Test
    void neverShowsTheSecret() {
        assertFalse(verifier.toString().contains("test_app_secret"));
    }

    @Test
    void refusesAnEmptySecret() {
        assertThrows(IllegalArgumentException.class, () -> new MetaSignatureVerifier(""));
    }

    @Test
    void isSafeToShareAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                String header = new MetaSignatureVerifier("test_app_secret").sign(body);
                results.add(pool.submit(() -> verifier.verify(body, header) && !verifier.verify(Q1, header)));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.socialbridge.connector.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Loads test-fixtures/inbound/meta payloads (Maven runs tests with the project root as working directory). */
final class MetaFixtures {

    static final String IG_ACCOUNT = "17841400000000001";
    static final String PAGE = "100000000000001";
    static final Set<String> OWN_IDS = Set.of(IG_ACCOUNT, PAGE);
    static final Path INBOUND = Path.of("test-fixtures", "inbound", "meta");
    static final ObjectMapper JSON = new ObjectMapper();

    private MetaFixtures() {
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(INBOUND.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        return parse(bytes(name));
    }

    static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

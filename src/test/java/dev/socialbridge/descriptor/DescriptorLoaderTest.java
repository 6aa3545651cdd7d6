package dev.socialbridge.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DescriptorLoaderTest {
    private static final Path FIXTURES = Path.of("test-fixtures", "descriptor");
    private static final Path SHIPPED = Path.of("descriptor", "social-bridge.json");

    @Test
    void loadsTheShippedDescriptorFromTheClasspath() {
        Descriptor descriptor = DescriptorLoader.fromClasspath();

        assertEquals("social-bridge", descriptor.id());
        assertEquals(DescriptorLoader.load(SHIPPED), descriptor);
    }

    @Test
    void roundTripsThroughJson() {
        Descriptor loaded = DescriptorLoader.load(SHIPPED);

        Descriptor reloaded = DescriptorLoader.parse(DescriptorLoader.toJson(loaded), "round-trip");

        assertEquals(loaded, reloaded);
    }

    @Test
    void serializesSettingDefaultsUnderTheJsonNameDefault() {
        String json = DescriptorLoader.toJson(DescriptorLoader.fromClasspath());

        assertTrue(json.contains("\"default\" : \"8080\""), json);
        assertFalse(json.contains("defaultValue"), json);
    }

    static Stream<Path> validFixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.getFileName().toString().startsWith("valid-")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("validFixtures")
    void acceptsValidFixture(Path fixture) {
        Descriptor descriptor = DescriptorLoader.load(fixture);

        assertEquals(descriptor, DescriptorLoader.parse(DescriptorLoader.toJson(descriptor), "round-trip"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "invalid-sla-below-minimum.json       | $.queues[2].sla.firstResponseMinutes: must be >= 1",
        "invalid-field-without-label.json     | $.fields[3].label: is required",
        "invalid-unknown-field-type.json      | $.fields[0].type: must be one of text, select, datetime, integer",
        "invalid-unknown-queue-property.json  | $.queues[0].colour: is not allowed",
        "invalid-priority-above-100.json      | $.queues[1].defaultPriority: must be <= 100",
        "invalid-select-without-values.json   | $.fields[10].values: a select field needs at least one value",
        "invalid-duplicate-field-key.json     | $.fields[5].key: duplicate key 'post_id' (already at $.fields[4])",
        "invalid-missing-thread-key.json      | $.fields: required field 'thread_key' is missing",
        "invalid-thread-key-not-unique.json   | $.fields[7].unique: 'thread_key' must be unique (it is the idempotency key)",
        "invalid-missing-hot-leads-queue.json | $.queues: required queue 'hot_leads' is missing",
        "invalid-unknown-field-group.json     | $.fields[1].group: 'lead' is not a key of $.fieldGroups",
        "invalid-group-on-user-field.json     | $.fields[28].group: only ticket fields are shown in groups ('social_profile' applies to user)",
        "invalid-priorities-not-rising.json   | $.priorities[2].value: must be greater than the one before (60)",
        "invalid-priorities-not-from-zero.json | $.priorities[0].value: the lowest priority name must start at 0 (is 30)",
    })
    void rejectsInvalidFixtureNamingTheJsonPath(String fixture, String expectedProblem) {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> DescriptorLoader.load(FIXTURES.resolve(fixture)));

        assertTrue(e.problems().contains(expectedProblem), () -> "problems were " + e.problems());
        assertTrue(e.getMessage().contains(expectedProblem), e::getMessage);
    }

    @Test
    void reportsEverySchemaViolationAtOnce() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> DescriptorLoader.load(FIXTURES.resolve("invalid-several-violations.json")));

        assertEquals(List.of(
                "$.fields[12].appliesTo: must be one of ticket, user, transaction",
                "$.queues[4].sla.escalateAfterMinutes: must be integer but is string",
                "$.settings[0].description: is required",
                "$.version: must match ^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$"), e.problems());
    }

    @Test
    void reportsMalformedJsonWithItsPosition() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> DescriptorLoader.load(FIXTURES.resolve("invalid-not-json.json")));

        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("$: not valid JSON (line "), e.problems()::toString);
    }

    @Test
    void reportsAMissingFileAsAProblem() {
        DescriptorException e = assertThrows(DescriptorException.class,
                () -> DescriptorLoader.load(FIXTURES.resolve("no-such-file.json")));

        assertTrue(e.problems().get(0).startsWith("$: cannot read file"), e.problems()::toString);
    }
}

package dev.socialbridge.connector;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.socialbridge.config.SettingSpec;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.spi.Connector;
import dev.socialbridge.connector.spi.ConnectorContext;
import dev.socialbridge.connector.spi.ConnectorFactory;
import dev.socialbridge.connector.spi.DeliveryResult;
import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.connector.spi.WebhookIngress;
import dev.socialbridge.connector.spi.WebhookRejection;
import dev.socialbridge.connector.spi.WebhookRequest;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every connector must do, checked the same way for each: its factory is discoverable, its settings are
 * pinned and validated with the full key, every inbound fixture under {@code test-fixtures/inbound/<id>/} parses
 * without a quarantined item, its webhook ingress refuses unauthenticated requests and accepts authentic ones,
 * and each outbound action reaches a WireMock stand-in of the platform ({@code test-fixtures/wiremock/<id>/})
 * as the platform documents it. A connector's test class extends this and answers the abstract methods.
 *
 * <p>Fixtures whose name contains {@code malformed} are expected to hold quarantined items and are skipped by the
 * no-quarantine check.
 */
public abstract class ConnectorContractTest {

    @RegisterExtension
    protected final WireMockExtension platform = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory("test-fixtures/wiremock/" + id()))
            .failOnUnmatchedRequests(true)
            .build();

    private final List<Connector> created = new ArrayList<>();

    /** The id of the connector under test (also its fixture folder name). */
    protected abstract String id();

    /** The factory under test. */
    protected abstract ConnectorFactory factory();

    /** Every setting key, relative to {@code socialbridge.<id>.}, in declaration order. */
    protected abstract List<String> expectedSettingKeys();

    /** Settings (relative keys) of a configured connector whose platform API is at {@code baseUrl}. */
    protected abstract Map<String, String> validSettings(String baseUrl);

    /** Other configuration values the connector reads (full keys), e.g. a shared app secret. */
    protected Map<String, String> sharedSettings() {
        return Map.of();
    }

    /** The endpoint ({@code /webhooks/<id>/<endpoint>}) a fixture arrives on. */
    protected String endpointOf(Path fixture) {
        return "";
    }

    /** The headers that make {@code body} authentic on {@code endpoint} (signature or secret). */
    protected abstract Map<String, String> authenticHeaders(String endpoint, byte[] body);

    /** One outbound action, the request the platform must then receive, and the expected result. */
    public record OutboundCase(String name, OutboundAction action, RequestPatternBuilder expectedRequest,
                                  Class<? extends DeliveryResult> expectedResult) { }

    /** Each outbound action the connector supports, against the stubs of {@code test-fixtures/wiremock/<id>/}. */
    protected abstract List<OutboundCase> outboundCases();

    /** A connector built from {@link #validSettings} against the WireMock stand-in. */
    protected Connector connector() {
        Connector c = factory().create(new ConnectorContext(settings(validSettings(platform.baseUrl())),
                Clock.systemUTC(), Connectors.DEFAULT_MAX_MEDIA_BYTES));
        created.add(c);
        return c;
    }

    protected SettingValues settings(Map<String, String> relative) {
        Map<String, String> shared = sharedSettings();
        return SettingValues.of(Connectors.prefix(factory()), factory().settings(), relative,
                key -> java.util.Optional.ofNullable(shared.get(key)));
    }

    @AfterEach
    void closeConnectors() {
        created.forEach(Connector::close);
    }

    @Test
    void factoryIsDiscoverableWithItsId() {
        assertTrue(Connectors.factories().stream().anyMatch(f -> f.getClass() == factory().getClass()),
                "not registered in META-INF/services/dev.socialbridge.connector.spi.ConnectorFactory");
        assertEquals(id(), factory().id());
        assertFalse(factory().platforms().isEmpty());
    }

    @Test
    void settingsArePinned() {
        assertEquals(expectedSettingKeys(), factory().settings().stream().map(SettingSpec::key).toList());
    }

    @Test
    void validSettingsHaveNoProblemAndConfigureTheConnector() {
        SettingValues values = settings(validSettings("http://127.0.0.1:1"));
        List<String> problems = new ArrayList<>(values.problems());
        factory().validate(values, problems);
        assertEquals(List.of(), problems);
        assertTrue(factory().isConfigured(values));
    }

    @Test
    void emptySettingsLeaveTheConnectorOffAndItCanStillBeBuilt() {
        SettingValues empty = settings(Map.of());
        assertFalse(factory().isConfigured(empty));
        Connector c = factory().create(new ConnectorContext(empty, Clock.systemUTC(), Connectors.DEFAULT_MAX_MEDIA_BYTES));
        created.add(c);
        assertEquals(id(), c.id());
        assertEquals(factory().platforms(), c.platforms());
    }

    @Test
    void everyInvalidValueIsReportedWithItsFullKey() {
        Map<String, String> valid = validSettings("http://127.0.0.1:1");
        for (SettingSpec spec : factory().settings()) {
            String bad = invalidValue(spec);
            if (bad == null) {
                continue;
            }
            String key = spec.keyed() ? spec.key().replace(SettingSpec.NAME, instanceOf(valid, spec)) : spec.key();
            Map<String, String> values = new HashMap<>(valid);
            values.put(key, bad);
            List<String> problems = settings(values).problems();
            String fullKey = Connectors.prefix(factory()) + key;
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(fullKey + ": ")), fullKey + "=" + bad + " -> " + problems);
        }
    }

    @Test
    void unknownKeysAreRejected() {
        Map<String, String> values = new HashMap<>(validSettings("http://127.0.0.1:1"));
        values.put("no-such-setting", "x");
        assertTrue(settings(values).problems().stream()
                .anyMatch(p -> p.startsWith(Connectors.prefix(factory()) + "no-such-setting: unknown setting")));
    }

    @Test
    void everyInboundFixtureParsesWithoutQuarantine() throws IOException {
        Connector c = connector();
        List<Path> fixtures = fixtures();
        assertFalse(fixtures.isEmpty(), "no fixtures in test-fixtures/inbound/" + id());
        for (Path f : fixtures) {
            if (f.getFileName().toString().contains("malformed")) {
                continue;
            }
            List<ParsedItem> items = c.parser().parse(Json.MAPPER.readTree(f.toFile()), endpointOf(f));
            assertFalse(items.isEmpty(), f + " gave no item");
            for (ParsedItem item : items) {
                assertFalse(item instanceof ParsedItem.Quarantined, f + ": " + item);
            }
        }
    }

    @Test
    void webhookIngressRefusesUnauthenticatedBodiesAndAcceptsAuthenticOnes() throws IOException {
        WebhookIngress ingress = connector().webhookIngress().orElseThrow();
        for (Path f : fixtures()) {
            byte[] body = Files.readAllBytes(f);
            String endpoint = endpointOf(f);
            WebhookRejection refused = assertThrows(WebhookRejection.class,
                    () -> ingress.accept(request(endpoint, Map.of(), body)), f.toString());
            assertEquals(401, refused.status(), f + ": " + refused.getMessage());
            assertEquals(id(), ingress.accept(request(endpoint, authenticHeaders(endpoint, body), body)), f.toString());
        }
    }

    @Test
    void outboundActionsReachThePlatformAsDocumented() {
        Connector c = connector();
        List<OutboundCase> cases = outboundCases();
        assertFalse(cases.isEmpty());
        for (OutboundCase oc : cases) {
            DeliveryResult result = c.client().deliver(oc.action());
            assertInstanceOf(oc.expectedResult(), result, oc.name() + ": " + result);
            platform.verify(oc.expectedRequest());
        }
    }

    private List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("test-fixtures/inbound", id()))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** A request as the shared webhook handler would hand it to the ingress. */
    protected static WebhookRequest request(String endpoint, Map<String, String> headers, byte[] body) {
        return new WebhookRequest() {
            @Override
            public String endpoint() {
                return endpoint;
            }

            @Override
            public String header(String name) {
                return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }

            @Override
            public String query(String name) {
                return null;
            }

            @Override
            public byte[] body() {
                return body;
            }
        };
    }

    private static String instanceOf(Map<String, String> valid, SettingSpec spec) {
        return valid.keySet().stream().map(spec::instanceOf).flatMap(java.util.Optional::stream).findFirst()
                .orElse("contract");
    }

    private static String invalidValue(SettingSpec spec) {
        return switch (spec.type()) {
            case INTEGER -> "twelve";
            case BOOLEAN -> "maybe";
            case DURATION -> "soon";
            case URL -> "ftp://nowhere";
            case ENUM -> "no-such-choice";
            case STRING -> spec.pattern() != null ? "not valid / at all" : null;
        };
    }
}

package dev.socialbridge.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which connectors a configuration starts, and how their settings are checked. */
class ConnectorsTest {
    private static final String META_ACCOUNT = """
            socialbridge.meta.app-secret=s3cret
            socialbridge.meta.verify-token=v
            socialbridge.meta.accounts.brand.id=17841400000000001
            socialbridge.meta.accounts.brand.platform=instagram
            socialbridge.meta.accounts.brand.access-token=t
            """;

    @TempDir
    Path dir;

    private LoadedConfig config(String properties) throws IOException {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, properties);
        return ConfigLoader.load(f, dir);
    }

    private List<String> problems(String properties) throws IOException {
        List<String> problems = new ArrayList<>();
        Connectors c = Connectors.configure(config(properties), Clock.systemUTC(), 1024, problems);
        if (c != null) {
            c.close();
        }
        return problems;
    }

    @Test
    void onlyTheConfiguredConnectorsStart() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Connectors c = Connectors.configure(config(META_ACCOUNT), Clock.systemUTC(), 1024, problems)) {
            assertEquals(List.of(), problems);
            assertEquals(Set.of("meta"), c.ids());
            assertEquals(Set.of("meta"), c.ingresses().keySet());
            assertTrue(c.forPlatform(Platform.INSTAGRAM).isPresent());
            assertTrue(c.ownAccountIds().contains("17841400000000001"));
        }
    }

    @Test
    void theMetaAppSecretAloneStartsNothing() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Connectors c = Connectors.configure(config("socialbridge.meta.app-secret=s\nsocialbridge.meta.verify-token=v\n"),
                Clock.systemUTC(), 1024, problems)) {
            assertNotNull(c);
            assertTrue(c.isEmpty());
        }
    }

    @Test
    void aConfiguredConnectorNeedsItsRequiredSettings() throws IOException {
        assertEquals(List.of(
                "socialbridge.meta.app-secret: is required (Meta app secret: verifies X-Hub-Signature-256 on every webhook (also WhatsApp's))",
                "socialbridge.meta.verify-token: is required (token of the GET subscription handshake (also WhatsApp's))",
                "socialbridge.meta.accounts.brand.platform: is required (`instagram` or `facebook`)",
                "socialbridge.meta.accounts.brand.access-token: is required (Page access token)"),
                problems("socialbridge.meta.accounts.brand.id=17841400000000001\n"));
    }

    @Test
    void aTypoUnderAConnectorPrefixIsRejectedEvenWhenTheConnectorIsOff() throws IOException {
        assertEquals(List.of("socialbridge.meta.graph-versoin: unknown setting (known: app-secret, verify-token, graph-base-url,"
                + " graph-version, accounts.<name>.id, accounts.<name>.platform, accounts.<name>.page-id,"
                + " accounts.<name>.access-token)"), problems("socialbridge.meta.graph-versoin=v25.0\n"));
    }

    @Test
    void anInvalidValueIsReportedWithoutQuotingSecrets() throws IOException {
        List<String> problems = problems(META_ACCOUNT + "socialbridge.meta.graph-version=25\n"
                + "socialbridge.meta.accounts.brand.platform=myspace\n");
        assertEquals(List.of("socialbridge.meta.accounts.brand.platform: 'myspace' must be one of instagram, facebook",
                "socialbridge.meta.graph-version: '25' must be a Graph version such as v25.0"), problems);
    }

    @Test
    void settingsOfAnUnknownConnectorAreRejected() throws IOException {
        List<String> problems = problems(META_ACCOUNT + "socialbridge.telegramm.bots.shop.token=1:x\n");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("socialbridge.telegramm.bots.shop.token: unknown setting (no connector"),
                problems.get(0));
    }

    @Test
    void aPlatformWithoutAConnectorRefusesEveryAction() {
        Connectors none = Connectors.of(List.of());
        Interaction i = new Interaction(Platform.TIKTOK, InteractionKind.COMMENT, "a", "t", "i", null, null,
                Author.of("u"), "hi", List.of(), null, null, Instant.EPOCH, false, null, null, 0);
        assertEquals("no connector for tiktok is configured",
                none.actionPolicy().replyRefusal(i, ReplyChannel.PUBLIC).orElseThrow());
        assertTrue(none.actionPolicy().hideRefusal(i).isPresent());
    }

    @Test
    void factoriesHaveUniqueIdsAndPlatforms() {
        assertNull(Connectors.factory("no-such").orElse(null));
        assertEquals(Connectors.factories().size(),
                Connectors.factories().stream().map(f -> f.id()).distinct().count());
    }
}

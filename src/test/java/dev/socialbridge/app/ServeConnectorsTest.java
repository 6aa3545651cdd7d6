package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} starts with whichever connectors are configured, and refuses to start with none. */
class ServeConnectorsTest {
    @TempDir
    Path dir;

    private String base() {
        return String.join("\n",
                "socialbridge.http.port=18999",
                "socialbridge.http.host=127.0.0.1",
                "socialbridge.store.jdbc-url=jdbc:h2:file:" + dir.resolve("db"),
                "socialbridge.inbox.journal-dir=" + dir.resolve("journal"),
                "socialbridge.host.rt.base-url=http://127.0.0.1:9",
                "socialbridge.host.rt.token=1-14-unused",
                "socialbridge.admin.token=serve-admin-token-0123456789", "");
    }

    private SocialBridgeServer build(String properties, List<String> problems) throws IOException {
        Path f = dir.resolve("serve.properties");
        Files.writeString(f, base() + properties);
        return SocialBridgeServer.build(ConfigLoader.load(f, dir), problems);
    }

    @Test
    void aBrandWithOnlyATelegramBotGetsAServerWithoutAnyMetaSecret() throws IOException {
        List<String> problems = new ArrayList<>();
        try (SocialBridgeServer server = build("socialbridge.telegram.bots.shop.token=7012345678:AAH3kZ2xQy7VtR9pLmN4bC6dE8fG0hJ1kLsW\n"
                + "socialbridge.telegram.bots.shop.secret-token=shop-secret\n", problems)) {
            assertEquals(List.of(), problems);
            assertNotNull(server);
            assertEquals(Set.of("telegram"), server.connectorIds());
        }
    }

    @Test
    void withoutAnyConnectorServeNamesWhatToSetUp() throws IOException {
        List<String> problems = new ArrayList<>();
        assertNull(build("", problems));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("socialbridge: no connector is configured; set up at least one of: meta ("),
                problems.get(0));
        assertTrue(problems.get(0).contains("telegram (socialbridge.telegram.bots.<name>.token"), problems.get(0));
    }

    @Test
    void whatsAppAloneNeedsTheMetaAppSecret() throws IOException {
        List<String> problems = new ArrayList<>();
        assertNull(build("socialbridge.whatsapp.accounts.main.phone-number-id=106540352242922\n"
                + "socialbridge.whatsapp.accounts.main.waba-id=102290129340398\n"
                + "socialbridge.whatsapp.accounts.main.access-token=t\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("socialbridge.meta.app-secret: is required")), problems.toString());
    }

    @Test
    void aSurveyQueueTheDescriptorDoesNotHaveIsNamedWithItsValue() throws IOException {
        List<String> problems = new ArrayList<>();
        assertNull(build("socialbridge.telegram.bots.shop.token=7012345678:AAH3kZ2xQy7VtR9pLmN4bC6dE8fG0hJ1kLsW\n"
                + "socialbridge.telegram.bots.shop.secret-token=shop-secret\n"
                + "socialbridge.automation.survey-queues=support,suport\n", problems));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("socialbridge.automation.survey-queues: 'suport' is not a queue of the descriptor ("),
                problems.get(0));
    }
}

package dev.socialbridge.app;

import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.connector.spi.ConnectorFactory;
import dev.socialbridge.host.spi.HostProblem;
import dev.socialbridge.pipeline.AccountStatusStore;
import dev.socialbridge.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** What {@code serve} needs beyond the generic checks: an admin token and at least one configured connector. */
final class ServeRequirements {
    private ServeRequirements() {
    }

    static List<String> check(LoadedConfig config) {
        SocialBridgeConfig c = config.typed();
        List<String> problems = new ArrayList<>();
        ConfigLoader.require(problems, "socialbridge.admin.token", c.admin().token(), "(admin endpoints are authenticated with it)");
        c.admin().token().filter(t -> t.length() < 16)
                .ifPresent(t -> problems.add("socialbridge.admin.token: must be at least 16 characters"));
        c.learning().schedule().filter(d -> d.compareTo(java.time.Duration.ofMinutes(1)) < 0)
                .ifPresent(d -> problems.add("socialbridge.learning.schedule: '" + d + "' is shorter than one minute"
                        + " (each run trains several models)"));
        if (c.learning().reloadInterval().compareTo(java.time.Duration.ofSeconds(1)) < 0) {
            problems.add("socialbridge.learning.reload-interval: '" + c.learning().reloadInterval()
                    + "' is shorter than one second");
        }
        return problems;
    }

    /**
     * The configured connectors, or null with the problems added: their settings, and that at least one is
     * configured (a server without any would accept nothing).
     */
    static Connectors connectors(LoadedConfig config, List<String> problems) {
        Connectors connectors = Connectors.configure(config, Clock.systemUTC(), config.typed().media().maxBytes(), problems);
        if (connectors != null && connectors.isEmpty()) {
            problems.add("socialbridge: no connector is configured; set up at least one of: " + String.join(", ",
                    Connectors.factories().stream().map(ServeRequirements::hint).toList()));
            return null;
        }
        return connectors;
    }

    /** "telegram (socialbridge.telegram.bots.<name>.token, ...)": the settings that set a connector up. */
    private static String hint(ConnectorFactory f) {
        return f.id() + " (" + String.join(", ", f.settings().stream().filter(s -> s.required())
                .map(s -> Connectors.prefix(f) + s.key()).toList()) + ")";
    }

    /** Store reachability and accounts the platforms rejected. */
    static List<HostProblem> storeProblems(LoadedConfig config) {
        List<HostProblem> problems = new ArrayList<>();
        SocialBridgeConfig.Store s = config.typed().store();
        try (Database db = CommonOptions.openStore(s, 2)) {
            new AccountStatusStore(db).invalidAccounts().forEach((id, reason) -> problems.add(new HostProblem(
                    "account " + id, "the platform rejected its access token: " + reason,
                    "renew the account's access token in its connector settings (socialbridge.<connector>.*) and restart")));
        } catch (RuntimeException e) {
            problems.add(new HostProblem("socialbridge.store.jdbc-url", "store not usable: " + e.getMessage(),
                    "check the JDBC URL, credentials and that the database is reachable"));
        }
        return problems;
    }
}

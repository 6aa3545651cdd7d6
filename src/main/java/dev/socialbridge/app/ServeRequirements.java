package dev.socialbridge.app;

import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.connector.meta.MetaAccounts;
import dev.socialbridge.host.spi.HostProblem;
import dev.socialbridge.pipeline.AccountStatusStore;
import dev.socialbridge.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@code serve} needs beyond the generic checks: admin token, Meta app secret and accounts. */
final class ServeRequirements {
    private ServeRequirements() {
    }

    static List<String> check(LoadedConfig config) {
        SocialBridgeConfig c = config.typed();
        List<String> problems = new ArrayList<>();
        ConfigLoader.require(problems, "socialbridge.admin.token", c.admin().token(), "(admin endpoints are authenticated with it)");
        c.admin().token().filter(t -> t.length() < 16)
                .ifPresent(t -> problems.add("socialbridge.admin.token: must be at least 16 characters"));
        ConfigLoader.require(problems, "socialbridge.meta.app-secret", c.meta().appSecret(), "(webhook signatures are verified with it)");
        ConfigLoader.require(problems, "socialbridge.meta.verify-token", c.meta().verifyToken(), "(Meta's subscription handshake)");
        problems.addAll(metaAccounts(config).problems());
        return problems;
    }

    static MetaAccounts metaAccounts(LoadedConfig config) {
        Map<String, String> raw = config.group(MetaAccounts.PREFIX);
        Map<String, String> full = new java.util.TreeMap<>();
        raw.forEach((k, v) -> full.put(MetaAccounts.PREFIX + k, v));
        return MetaAccounts.parse(full);
    }

    /** Store reachability and accounts the platforms rejected. */
    static List<HostProblem> storeProblems(LoadedConfig config) {
        List<HostProblem> problems = new ArrayList<>();
        SocialBridgeConfig.Store s = config.typed().store();
        try (Database db = Database.open(s.jdbcUrl(), s.user().orElse(null),
                s.password().map(p -> p.reveal()).orElse(null), 2)) {
            new AccountStatusStore(db).invalidAccounts().forEach((id, reason) -> problems.add(new HostProblem(
                    "account " + id, "the platform rejected its access token: " + reason,
                    "renew the token in socialbridge.meta.accounts.<name>.access-token and restart")));
        } catch (RuntimeException e) {
            problems.add(new HostProblem("socialbridge.store.jdbc-url", "store not usable: " + e.getMessage(),
                    "check the JDBC URL, credentials and that the database is reachable"));
        }
        return problems;
    }
}

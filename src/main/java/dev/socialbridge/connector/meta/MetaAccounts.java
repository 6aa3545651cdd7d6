package dev.socialbridge.connector.meta;

import dev.socialbridge.interaction.Platform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The connected Meta accounts, keyed by account id, plus the configuration problems found while reading
 * them. Immutable and thread-safe; {@link #toString()} never shows tokens.
 *
 * <p>Properties: {@code socialbridge.meta.accounts.<name>.id} (required), {@code .platform}
 * ({@code instagram|facebook}, required), {@code .page-id} (optional, defaults to the id) and
 * {@code .access-token} (required). Accounts with problems are left out; {@link #problems()} names every
 * problem with its full key.
 */
public final class MetaAccounts {

    public static final String PREFIX = MetaSettings.PREFIX + MetaSettings.ACCOUNTS;
    public static final String ID = MetaSettings.ACCOUNT_ID;
    public static final String PLATFORM = MetaSettings.ACCOUNT_PLATFORM;
    public static final String PAGE_ID = MetaSettings.ACCOUNT_PAGE_ID;
    public static final String ACCESS_TOKEN = MetaSettings.ACCOUNT_ACCESS_TOKEN;

    private final Map<String, MetaAccount> byId;
    private final List<String> problems;

    public MetaAccounts(Collection<MetaAccount> accounts) {
        this(accounts, List.of());
    }

    private MetaAccounts(Collection<MetaAccount> accounts, List<String> problems) {
        Map<String, MetaAccount> map = new LinkedHashMap<>();
        for (MetaAccount a : accounts) {
            if (map.putIfAbsent(a.id(), a) != null) {
                throw new IllegalArgumentException("duplicate Meta account id " + a.id());
            }
        }
        this.byId = Map.copyOf(map);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads every {@value #PREFIX}{@code <name>.*} property (full keys); other properties are ignored. Never throws:
     * unknown keys, invalid or missing values and duplicate ids are {@link #problems()}.
     */
    public static MetaAccounts parse(Map<String, String> props) {
        Map<String, String> relative = new TreeMap<>();
        props.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                relative.put(MetaSettings.ACCOUNTS + k.substring(PREFIX.length()), v);
            }
        });
        List<dev.socialbridge.config.SettingSpec> specs = MetaSettings.SPECS.stream()
                .filter(s -> s.key().startsWith(MetaSettings.ACCOUNTS)).toList();
        dev.socialbridge.config.SettingValues settings = dev.socialbridge.config.SettingValues.of(MetaSettings.PREFIX,
                specs, relative);
        MetaAccounts accounts = from(settings);
        List<String> problems = new ArrayList<>(settings.problems());
        problems.addAll(accounts.problems);
        return new MetaAccounts(accounts.all(), problems);
    }

    /**
     * The valid accounts of the connector's settings; {@link #problems()} holds only what the declared settings
     * cannot see (an account id configured twice): the settings' own problems are reported by their owner.
     */
    static MetaAccounts from(dev.socialbridge.config.SettingValues settings) {
        List<String> problems = new ArrayList<>();
        List<MetaAccount> accounts = new ArrayList<>();
        Map<String, String> nameOfId = new LinkedHashMap<>();
        for (String name : settings.instances(MetaSettings.ACCOUNTS)) {
            dev.socialbridge.config.SettingValues a = settings.instance(MetaSettings.ACCOUNTS, name);
            if (a.problems().stream().anyMatch(p -> !p.contains(": unknown setting"))) {
                continue;
            }
            MetaAccount account = new MetaAccount(a.get(ID), Platform.fromId(a.get(PLATFORM)), a.get(PAGE_ID),
                    a.get(ACCESS_TOKEN));
            String previous = nameOfId.putIfAbsent(account.id(), name);
            if (previous != null) {
                problems.add(key(name, ID) + ": duplicate account id " + account.id() + " (also " + key(previous, ID) + ")");
            } else {
                accounts.add(account);
            }
        }
        return new MetaAccounts(accounts, problems);
    }

    private static String key(String name, String attribute) {
        return PREFIX + name + "." + attribute;
    }

    /** Every problem found by {@link #parse}, each naming its full property key; empty when valid. */
    public List<String> problems() {
        return problems;
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public Optional<MetaAccount> find(String accountId) {
        return Optional.ofNullable(accountId == null ? null : byId.get(accountId));
    }

    public Collection<MetaAccount> all() {
        return byId.values();
    }

    /** All account ids and page ids: the loop-guard set for {@link MetaWebhookParser}. */
    public Set<String> ownIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (MetaAccount a : byId.values()) {
            ids.add(a.id());
            ids.add(a.pageId());
        }
        return Set.copyOf(ids);
    }

    @Override
    public String toString() {
        return "MetaAccounts" + byId.values() + (problems.isEmpty() ? "" : " problems=" + problems);
    }
}

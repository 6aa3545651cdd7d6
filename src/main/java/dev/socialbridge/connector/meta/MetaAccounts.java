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

    public static final String PREFIX = "socialbridge.meta.accounts.";
    public static final String ID = "id";
    public static final String PLATFORM = "platform";
    public static final String PAGE_ID = "page-id";
    public static final String ACCESS_TOKEN = "access-token";
    private static final Set<String> ATTRIBUTES = Set.of(ID, PLATFORM, PAGE_ID, ACCESS_TOKEN);

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

    /** Reads every {@value #PREFIX}{@code <name>.*} property; other properties are ignored. Never throws. */
    public static MetaAccounts parse(Map<String, String> props) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        new TreeMap<>(props).forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            String rest = key.substring(PREFIX.length());
            int dot = rest.lastIndexOf('.');
            if (dot <= 0 || !ATTRIBUTES.contains(rest.substring(dot + 1))) {
                problems.add(key + ": unknown key (expected " + PREFIX + "<name>.{id,platform,page-id,access-token})");
                return;
            }
            byName.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>())
                    .put(rest.substring(dot + 1), value == null ? "" : value.trim());
        });
        List<MetaAccount> accounts = new ArrayList<>();
        Map<String, String> nameOfId = new LinkedHashMap<>();
        byName.forEach((name, attrs) -> {
            MetaAccount a = account(name, attrs, problems);
            if (a == null) {
                return;
            }
            String previous = nameOfId.putIfAbsent(a.id(), name);
            if (previous != null) {
                problems.add(key(name, ID) + ": duplicate account id " + a.id() + " (also " + key(previous, ID) + ")");
            } else {
                accounts.add(a);
            }
        });
        return new MetaAccounts(accounts, problems);
    }

    private static MetaAccount account(String name, Map<String, String> attrs, List<String> problems) {
        int before = problems.size();
        String id = attrs.getOrDefault(ID, "");
        if (id.isEmpty()) {
            problems.add(key(name, ID) + ": missing");
        }
        Platform platform = platform(name, attrs.getOrDefault(PLATFORM, ""), problems);
        String token = attrs.getOrDefault(ACCESS_TOKEN, "");
        if (token.isEmpty()) {
            problems.add(key(name, ACCESS_TOKEN) + ": missing");
        }
        if (problems.size() > before) {
            return null;
        }
        return new MetaAccount(id, platform, attrs.get(PAGE_ID), token);
    }

    private static Platform platform(String name, String value, List<String> problems) {
        switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "instagram": return Platform.INSTAGRAM;
            case "facebook": return Platform.FACEBOOK;
            case "":
                problems.add(key(name, PLATFORM) + ": missing (instagram or facebook)");
                return null;
            default:
                problems.add(key(name, PLATFORM) + ": unknown platform '" + value + "' (instagram or facebook)");
                return null;
        }
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

package dev.socialbridge.connector.telegram;

import dev.socialbridge.config.Secret;
import dev.socialbridge.config.SettingValues;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured bots by name. Bots whose token or secret is missing or malformed are left out: the declared
 * settings report those, and such a bot cannot be used anyway. Immutable.
 */
final class TelegramBots {
    private final Map<String, TelegramBot> byName;

    private TelegramBots(Map<String, TelegramBot> byName) {
        this.byName = Map.copyOf(byName);
    }

    static TelegramBots from(SettingValues settings) {
        Map<String, TelegramBot> bots = new LinkedHashMap<>();
        for (String name : settings.instances(TelegramSettings.BOTS)) {
            SettingValues b = settings.instance(TelegramSettings.BOTS, name);
            Optional<Secret> token = b.secret(TelegramSettings.BOT_TOKEN)
                    .filter(t -> t.reveal().matches(TelegramSettings.TOKEN_PATTERN));
            Optional<Secret> secret = b.secret(TelegramSettings.BOT_SECRET_TOKEN)
                    .filter(s -> s.reveal().matches(TelegramSettings.SECRET_TOKEN_PATTERN));
            if (token.isPresent() && secret.isPresent()) {
                bots.put(name, new TelegramBot(name, token.get(), secret.get(),
                        b.value(TelegramSettings.BOT_USERNAME).orElse(null)));
            }
        }
        return new TelegramBots(bots);
    }

    static TelegramBots of(Collection<TelegramBot> bots) {
        Map<String, TelegramBot> map = new LinkedHashMap<>();
        bots.forEach(b -> map.put(b.name(), b));
        return new TelegramBots(map);
    }

    Optional<TelegramBot> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    Collection<TelegramBot> all() {
        return byName.values();
    }

    Set<String> names() {
        return byName.keySet();
    }

    /** Loop guard: every bot name (the interactions' account id) and every bot's numeric id. */
    Set<String> ownIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (TelegramBot b : byName.values()) {
            ids.add(b.name());
            ids.add(b.id());
        }
        return Set.copyOf(ids);
    }

    /** Two names for one bot (same token id) would split its chats over two accounts. */
    void problems(SettingValues settings, List<String> problems) {
        Map<String, String> nameById = new LinkedHashMap<>();
        for (TelegramBot b : byName.values()) {
            String other = nameById.putIfAbsent(b.id(), b.name());
            if (other != null) {
                problems.add(settings.fullKey(TelegramSettings.BOTS + b.name() + "." + TelegramSettings.BOT_TOKEN)
                        + ": same bot (id " + b.id() + ") as " + settings.fullKey(TelegramSettings.BOTS + other + "."
                        + TelegramSettings.BOT_TOKEN));
            }
        }
    }

    @Override
    public String toString() {
        return "TelegramBots" + byName.keySet();
    }
}

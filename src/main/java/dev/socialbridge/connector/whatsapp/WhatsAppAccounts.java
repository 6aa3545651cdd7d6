package dev.socialbridge.connector.whatsapp;

import dev.socialbridge.config.SettingValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured WhatsApp phone numbers ({@code socialbridge.whatsapp.accounts.<name>.*}) by phone number id, and
 * what the declared settings cannot check themselves (a phone number id configured twice). Immutable.
 */
final class WhatsAppAccounts {
    private final Map<String, WhatsAppAccount> byPhoneNumberId;
    private final List<String> problems;

    private WhatsAppAccounts(Map<String, WhatsAppAccount> accounts, List<String> problems) {
        this.byPhoneNumberId = Map.copyOf(accounts);
        this.problems = List.copyOf(problems);
    }

    /** The complete accounts of {@code settings}; incomplete ones are left out (their owner reports them). */
    static WhatsAppAccounts from(SettingValues settings) {
        Map<String, WhatsAppAccount> accounts = new LinkedHashMap<>();
        Map<String, String> nameOfId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : settings.instances(WhatsAppSettings.ACCOUNTS)) {
            SettingValues a = settings.instance(WhatsAppSettings.ACCOUNTS, name);
            if (!a.problems().isEmpty()) {
                continue;
            }
            String id = a.get(WhatsAppSettings.PHONE_NUMBER_ID);
            String previous = nameOfId.putIfAbsent(id, name);
            if (previous != null) {
                problems.add(key(settings, name) + ": duplicate phone number id " + id + " (also "
                        + key(settings, previous) + ")");
                continue;
            }
            accounts.put(id, new WhatsAppAccount(id, a.get(WhatsAppSettings.WABA_ID),
                    a.get(WhatsAppSettings.ACCESS_TOKEN)));
        }
        return new WhatsAppAccounts(accounts, problems);
    }

    private static String key(SettingValues settings, String name) {
        return settings.fullKey(WhatsAppSettings.ACCOUNTS + name + "." + WhatsAppSettings.PHONE_NUMBER_ID);
    }

    List<String> problems() {
        return problems;
    }

    Optional<WhatsAppAccount> find(String phoneNumberId) {
        return Optional.ofNullable(phoneNumberId == null ? null : byPhoneNumberId.get(phoneNumberId));
    }

    Collection<WhatsAppAccount> all() {
        return byPhoneNumberId.values();
    }

    /** The phone number ids: our own accounts (loop guard). */
    Set<String> phoneNumberIds() {
        return byPhoneNumberId.keySet();
    }

    @Override
    public String toString() {
        return "WhatsAppAccounts" + byPhoneNumberId.values();
    }
}

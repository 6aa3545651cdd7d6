package dev.socialbridge.rules;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Deployment-level automation settings (from {@code socialbridge.automation.*}).
 *
 * @param brand                      value of the {brand} token
 * @param maxRepliesPerAuthorPerHour automated replies per author per rolling hour, all rules and channels
 * @param maxBotTurnsPerThread       automated turns in a thread before replies stop and a human takes over
 * @param vipFollowerThreshold       followers from which an author is a VIP/influencer ({@code vip: true})
 * @param disclosureEnabled          prefix automated replies with "Réponse automatisée : " / "Automated reply: "
 * @param businessZone               time zone for business hours and {@code timeOfDay}
 * @param businessDays               days with business hours
 * @param businessOpen               opening time (inclusive)
 * @param businessClose              closing time (exclusive)
 * @param ownAccountIds              ids or handles of our own accounts: never replied to
 * @param confidenceGate             the classifier confidence below which automation holds its actions back
 */
public record AutomationSettings(
        String brand,
        int maxRepliesPerAuthorPerHour,
        int maxBotTurnsPerThread,
        long vipFollowerThreshold,
        boolean disclosureEnabled,
        ZoneId businessZone,
        Set<DayOfWeek> businessDays,
        LocalTime businessOpen,
        LocalTime businessClose,
        Set<String> ownAccountIds,
        ConfidenceGate confidenceGate) {

    public AutomationSettings {
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(businessZone, "businessZone");
        Objects.requireNonNull(businessOpen, "businessOpen");
        Objects.requireNonNull(businessClose, "businessClose");
        Objects.requireNonNull(confidenceGate, "confidenceGate");
        if (maxRepliesPerAuthorPerHour < 0 || maxBotTurnsPerThread < 0 || vipFollowerThreshold < 1) {
            throw new IllegalArgumentException("limits must be >= 0 and the VIP threshold >= 1");
        }
        businessDays = businessDays == null || businessDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(businessDays));
        ownAccountIds = ownAccountIds == null ? Set.of() : Set.copyOf(ownAccountIds);
    }

    /**
     * Brand "our team", 3 replies per author per hour, 3 bot turns per thread, VIP from 10 000
     * followers, disclosure on, business hours Monday–Friday 09:00–18:00 Europe/Paris, no own accounts,
     * the default confidence gate ({@link ConfidenceGate#DEFAULT}).
     */
    public static AutomationSettings defaults() {
        return new AutomationSettings("our team", 3, 3, 10_000, true, ZoneId.of("Europe/Paris"),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of(),
                ConfidenceGate.DEFAULT);
    }

    public AutomationSettings withBrand(String value) {
        return new AutomationSettings(value, maxRepliesPerAuthorPerHour, maxBotTurnsPerThread, vipFollowerThreshold,
                disclosureEnabled, businessZone, businessDays, businessOpen, businessClose, ownAccountIds, confidenceGate);
    }

    public AutomationSettings withMaxRepliesPerAuthorPerHour(int value) {
        return new AutomationSettings(brand, value, maxBotTurnsPerThread, vipFollowerThreshold,
                disclosureEnabled, businessZone, businessDays, businessOpen, businessClose, ownAccountIds, confidenceGate);
    }

    public AutomationSettings withMaxBotTurnsPerThread(int value) {
        return new AutomationSettings(brand, maxRepliesPerAuthorPerHour, value, vipFollowerThreshold,
                disclosureEnabled, businessZone, businessDays, businessOpen, businessClose, ownAccountIds, confidenceGate);
    }

    public AutomationSettings withVipFollowerThreshold(long value) {
        return new AutomationSettings(brand, maxRepliesPerAuthorPerHour, maxBotTurnsPerThread, value,
                disclosureEnabled, businessZone, businessDays, businessOpen, businessClose, ownAccountIds, confidenceGate);
    }

    public AutomationSettings withDisclosureEnabled(boolean value) {
        return new AutomationSettings(brand, maxRepliesPerAuthorPerHour, maxBotTurnsPerThread, vipFollowerThreshold,
                value, businessZone, businessDays, businessOpen, businessClose, ownAccountIds, confidenceGate);
    }

    public AutomationSettings withBusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime open, LocalTime close) {
        return new AutomationSettings(brand, maxRepliesPerAuthorPerHour, maxBotTurnsPerThread, vipFollowerThreshold,
                disclosureEnabled, zone, days, open, close, ownAccountIds, confidenceGate);
    }

    public AutomationSettings withOwnAccountIds(Set<String> value) {
        return new AutomationSettings(brand, maxRepliesPerAuthorPerHour, maxBotTurnsPerThread, vipFollowerThreshold,
                disclosureEnabled, businessZone, businessDays, businessOpen, businessClose, value, confidenceGate);
    }

    public AutomationSettings withConfidenceGate(ConfidenceGate value) {
        return new AutomationSettings(brand, maxRepliesPerAuthorPerHour, maxBotTurnsPerThread, vipFollowerThreshold,
                disclosureEnabled, businessZone, businessDays, businessOpen, businessClose, ownAccountIds, value);
    }
}

package dev.socialbridge.rules;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.interaction.Interaction;

import java.time.Instant;
import java.time.LocalDateTime;

/** Everything a condition may look at for one decision; derived values are computed once, lazily. */
final class RuleContext {

    final Interaction interaction;
    final Classification classification;
    final ThreadFacts facts;
    final AutomationSettings settings;
    /** What the interaction's platform lets automation do. */
    final ActionPolicy policy;
    /** The text folded by {@link dev.socialbridge.guard.TextNormalizer#fold}. */
    final String folded;
    private final Instant now;
    private LocalDateTime local;

    RuleContext(Interaction interaction, Classification classification, ThreadFacts facts,
                AutomationSettings settings, ActionPolicy policy, String folded, Instant now) {
        this.interaction = interaction;
        this.classification = classification;
        this.facts = facts;
        this.settings = settings;
        this.policy = policy;
        this.folded = folded;
        this.now = now;
    }

    /** {@code now} in the business time zone. */
    LocalDateTime localNow() {
        if (local == null) {
            local = LocalDateTime.ofInstant(now, settings.businessZone());
        }
        return local;
    }

    boolean inBusinessHours() {
        LocalDateTime t = localNow();
        return settings.businessDays().contains(t.getDayOfWeek())
                && !t.toLocalTime().isBefore(settings.businessOpen())
                && t.toLocalTime().isBefore(settings.businessClose());
    }

    boolean isVip() {
        Long followers = interaction.author().followerCount();
        return interaction.author().verified() || (followers != null && followers >= settings.vipFollowerThreshold());
    }
}

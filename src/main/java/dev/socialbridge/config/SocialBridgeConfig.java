package dev.socialbridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Optional;

/**
 * Deployment configuration under the {@code socialbridge.} prefix. Every key is documented in the
 * README settings table (pinned by {@code SettingsDocTest}) and in {@code config/application.properties}.
 * Host-specific ({@code socialbridge.host.<type>.*}) and per-account Meta keys are read as maps by
 * {@link ConfigLoader} and validated by their owners.
 */
@ConfigMapping(prefix = "socialbridge")
public interface SocialBridgeConfig {

    Http http();

    Store store();

    Host host();

    Admin admin();

    Inbox inbox();

    Outbox outbox();

    Meta meta();

    Pipeline pipeline();

    Automation automation();

    /** Path of the descriptor; empty = the one shipped in the bundle/jar. */
    @WithName("descriptor.path")
    Optional<String> descriptorPath();

    interface Http {
        @WithDefault("8080") @Min(1) @Max(65535)
        int port();

        @WithDefault("0.0.0.0") @NotBlank
        String host();

        /** Largest webhook body accepted, in bytes. */
        @WithName("max-body-bytes") @WithDefault("1048576") @Min(1024)
        int maxBodyBytes();
    }

    interface Store {
        @WithName("jdbc-url") @WithDefault("jdbc:h2:file:./data/socialbridge;AUTO_SERVER=TRUE")
        @Pattern(regexp = "jdbc:(h2|postgresql):.+", message = "must be a jdbc:h2: or jdbc:postgresql: URL")
        String jdbcUrl();

        Optional<String> user();

        Optional<Secret> password();

        @WithName("pool-size") @WithDefault("8") @Min(2) @Max(64)
        int poolSize();
    }

    interface Host {
        @WithDefault("rt") @Pattern(regexp = "[a-z0-9-]+", message = "must be a host type id such as rt")
        String type();
    }

    interface Admin {
        /** Bearer token for /admin endpoints; required by {@code serve}. */
        Optional<Secret> token();
    }

    interface Inbox {
        /** Directory of the append-only webhook journal (group-committed). */
        @WithName("journal-dir") @WithDefault("./data/journal") @NotBlank
        String journalDir();

        /** fsync every group commit (true) or only write to the OS (survives kill -9, not power loss). */
        @WithDefault("true")
        boolean fsync();

        /** Largest number of webhook bodies written by one group commit. */
        @WithName("max-batch") @WithDefault("256") @Min(1) @Max(10000)
        int maxBatch();
    }

    interface Outbox {
        @WithName("max-attempts") @WithDefault("8") @Min(1) @Max(100)
        int maxAttempts();

        @WithName("initial-backoff") @WithDefault("PT2S")
        Duration initialBackoff();

        @WithName("max-backoff") @WithDefault("PT5M")
        Duration maxBackoff();

        /** How often the dispatcher looks for due work when idle. */
        @WithName("poll-interval") @WithDefault("PT0.2S")
        Duration pollInterval();
    }

    interface Meta {
        @WithName("app-secret")
        Optional<Secret> appSecret();

        @WithName("verify-token")
        Optional<Secret> verifyToken();

        @WithName("graph-base-url") @WithDefault("https://graph.facebook.com")
        @Pattern(regexp = "https?://.+", message = "must be an http(s) URL")
        String graphBaseUrl();

        @WithName("graph-version") @WithDefault("v25.0")
        @Pattern(regexp = "v[0-9]+\\.[0-9]+", message = "must look like v25.0")
        String graphVersion();
    }

    interface Pipeline {
        /** Queue (descriptor key) for new threads when no rule picks one. */
        @WithName("default-queue") @WithDefault("general") @NotBlank
        String defaultQueue();

        /** How often the host is asked for agents' moderation decisions (unhide requests). */
        @WithName("moderation-poll-interval") @WithDefault("PT15S")
        Duration moderationPollInterval();
    }

    interface Automation {
        @WithDefault("true")
        boolean enabled();

        @WithName("rules-file")
        Optional<String> rulesFile();

        @WithName("templates-file")
        Optional<String> templatesFile();

        @WithName("keywords-file")
        Optional<String> keywordsFile();

        @WithDefault("our team")
        String brand();

        @WithName("max-replies-per-author-per-hour") @WithDefault("3") @Min(0)
        int maxRepliesPerAuthorPerHour();

        @WithName("max-bot-turns") @WithDefault("3") @Min(0)
        int maxBotTurns();

        @WithName("vip-follower-threshold") @WithDefault("10000") @Min(1)
        long vipFollowerThreshold();

        @WithDefault("true")
        boolean disclosure();

        /** Time zone of the business hours. */
        @WithName("business-zone") @WithDefault("Europe/Paris")
        java.time.ZoneId businessZone();

        /** Opening hours, HH:MM-HH:MM. */
        @WithName("business-hours") @WithDefault("09:00-18:00")
        @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]", message = "must look like 09:00-18:00")
        String businessHours();

        /** Opening days: a range (MON-FRI) or a list (MON,TUE,SAT). */
        @WithName("business-days") @WithDefault("MON-FRI")
        @Pattern(regexp = "(MON|TUE|WED|THU|FRI|SAT|SUN)(-(MON|TUE|WED|THU|FRI|SAT|SUN)|(,(MON|TUE|WED|THU|FRI|SAT|SUN))*)",
                message = "must be a day range such as MON-FRI or a list such as MON,TUE,SAT")
        String businessDays();
    }
}

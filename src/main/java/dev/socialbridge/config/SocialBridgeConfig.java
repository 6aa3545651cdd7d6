package dev.socialbridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Optional;

/**
 * Deployment configuration under the {@code socialbridge.} prefix. Every key is documented in the
 * README settings table and in {@code config/application.properties}, both generated (see {@code settings}).
 * Connector ({@code socialbridge.<connector>.*}) and host ({@code socialbridge.host.<type>.*}) settings are
 * declared by their owners as {@link SettingSpec}s and checked by them.
 */
@ConfigMapping(prefix = "socialbridge")
public interface SocialBridgeConfig {

    Http http();

    Store store();

    Host host();

    Instance instance();

    Learning learning();

    Admin admin();

    Inbox inbox();

    Outbox outbox();

    Media media();

    Pipeline pipeline();

    Automation automation();

    Sla sla();

    Attribution attribution();

    Links links();

    Leads leads();

    /** Path of the descriptor; empty = the one shipped in the bundle/jar. */
    @Doc("descriptor file; default: the bundled one")
    @WithName("descriptor.path")
    Optional<String> descriptorPath();

    interface Http {
        @Doc("port of the HTTP server")
        @WithDefault("8080") @Min(1) @Max(65535)
        int port();

        @Doc("interface to listen on")
        @WithDefault("0.0.0.0") @NotBlank
        String host();

        /** Largest webhook body accepted, in bytes. */
        @Doc("largest webhook body accepted (413 above)")
        @WithName("max-body-bytes") @WithDefault("1048576") @Min(1024)
        int maxBodyBytes();
    }

    interface Store {
        @Doc("operational store: H2 file database, or `jdbc:postgresql://…`")
        @WithName("jdbc-url") @WithDefault("jdbc:h2:file:./data/socialbridge;AUTO_SERVER=TRUE")
        @Pattern(regexp = "jdbc:(h2|postgresql):.+", message = "must be a jdbc:h2: or jdbc:postgresql: URL")
        String jdbcUrl();

        @Doc("store user")
        Optional<String> user();

        @Doc("store password")
        Optional<Secret> password();

        @Doc("JDBC pool size")
        @WithName("pool-size") @WithDefault("8") @Min(2) @Max(64)
        int poolSize();

        @Doc("finished work older than this is purged hourly (processed webhooks, delivered messages); at least P7D")
        @WithDefault("P30D")
        Duration retention();
    }

    /** This process among several on one store ({@code docs/operations.md}). */
    interface Instance {
        @Doc("this instance's id, unique among the instances on one store; each instance also needs its own"
                + " `socialbridge.inbox.journal-dir`")
        @WithDefault("default")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,15}", message = "must be 1 to 16 lower-case letters, digits or dashes")
        String id();

        @Doc("how long a stopped instance's work (partitions, singleton jobs) stays with it before another instance"
                + " takes it over; renewed every fifth of it")
        @WithDefault("PT15S")
        Duration lease();
    }

    /** The classifier learning from agents' corrections ({@code docs/classification.md}). */
    interface Learning {
        @Doc("how often `serve` trains a model from the corrections recorded since the last training and switches to it"
                + " when it is better (on one instance); unset: only `bin/social-bridge learn` trains")
        Optional<Duration> schedule();

        @Doc("how often each instance checks whether the installation's current model changed (after `learn` or"
                + " `learn --rollback`)")
        @WithName("reload-interval") @WithDefault("PT1M")
        Duration reloadInterval();

        @Doc("fewer intent corrections than this: `learn` trains nothing")
        @WithName("min-corrections") @WithDefault("10") @Min(2)
        int minCorrections();

        @Doc("how many times a correction counts against one row of the shipped training data")
        @WithName("correction-weight") @WithDefault("3") @Min(1) @Max(100)
        int correctionWeight();
    }

    interface Host {
        @Doc("host adapter")
        @WithDefault("rt") @Pattern(regexp = "[a-z0-9-]+", message = "must be a host type id such as rt")
        String type();
    }

    interface Admin {
        /** Bearer token for /admin endpoints; required by {@code serve}. */
        @Doc("Bearer token of `/admin` (≥ 16 characters, required by `serve`)")
        Optional<Secret> token();

        /** RT groups whose privileged members may read the report page with their RT session. */
        @Doc("host (RT) groups, comma-separated, whose privileged members may read the report page `/admin/reports` with their RT session (RT SuperUsers may too; the admin token always may)")
        @WithName("report-groups") @WithDefault("Social Admins,Social Sales,Social Support")
        java.util.List<@jakarta.validation.constraints.NotBlank String> reportGroups();
    }

    interface Inbox {
        /** Directory of the append-only webhook journal (group-committed). */
        @Doc("directory of the webhook journal")
        @WithName("journal-dir") @WithDefault("./data/journal") @NotBlank
        String journalDir();

        /** fsync every group commit (true) or only write to the OS (survives kill -9, not power loss). */
        @Doc("fsync each group commit (false: survives process crashes, not power loss)")
        @WithDefault("true")
        boolean fsync();

        /** Largest number of webhook bodies written by one group commit. */
        @Doc("most webhook bodies per group commit")
        @WithName("max-batch") @WithDefault("256") @Min(1) @Max(10000)
        int maxBatch();
    }

    interface Outbox {
        @Doc("delivery attempts before the dead-letter state")
        @WithName("max-attempts") @WithDefault("8") @Min(1) @Max(100)
        int maxAttempts();

        @Doc("first retry delay (doubles, with jitter)")
        @WithName("initial-backoff") @WithDefault("PT2S")
        Duration initialBackoff();

        @Doc("retry delay cap (a remote `Retry-After` is honoured)")
        @WithName("max-backoff") @WithDefault("PT5M")
        Duration maxBackoff();

        /** How often the dispatcher looks for due work when idle. */
        @Doc("idle poll interval of the outbox")
        @WithName("poll-interval") @WithDefault("PT0.2S")
        Duration pollInterval();
    }

    interface Media {
        /** Largest attachment downloaded from a platform for the host ticket, in bytes. */
        @Doc("largest attachment downloaded from a platform for the host ticket (bytes)")
        @WithName("max-bytes") @WithDefault("10485760") @Min(1024)
        long maxBytes();

        /** The plugin's public base URL, for links the platforms download agents' files from. */
        @Doc("public base URL of this plugin (where platforms post webhooks, e.g. `https://social.example.com`): platforms download agents' attachments from signed links under it; without it (or without an admin token) attachments are not sent and the ticket says so")
        @WithName("public-url")
        Optional<@Pattern(regexp = "https?://[^\\s/]+(/\\S*)?", message = "must be an http(s) URL such as https://social.example.com") String> publicUrl();

        /** How long a link to an agent's file stays valid. */
        @Doc("how long a link to an agent's attachment stays valid")
        @WithName("link-ttl") @WithDefault("PT24H")
        Duration linkTtl();
    }

    interface Pipeline {
        /** Queue (descriptor key) for new threads when no rule picks one. */
        @Doc("queue key for threads no rule routes")
        @WithName("default-queue") @WithDefault("general") @NotBlank
        String defaultQueue();

        /** No longer used: agents' moderation requests are read with their replies. Kept so that configurations load. */
        @Doc("no longer used (moderation requests are read with agents' replies); accepted so that older configurations still load")
        @WithName("moderation-poll-interval") @WithDefault("PT15S")
        Duration moderationPollInterval();

        @Doc("threads that process inbox items; a conversation's messages always go through one of them, in order."
                + " One suits two cores: a second took CPU from webhook ingest without draining faster (docs/benchmarks.md)")
        @WithDefault("1") @Min(1) @Max(16)
        int workers();

        /** How often RT is read for agents' replies and moderation requests (and closed tickets). */
        @Doc("how often RT is read for agents' replies to send to the customers, their moderation requests (hide, unhide, delete, block) and closed tickets")
        @WithName("agent-reply-poll-interval") @WithDefault("PT1S")
        Duration agentReplyPollInterval();
    }

    interface Automation {
        @Doc("run classification + rules")
        @WithDefault("true")
        boolean enabled();

        @Doc("rule file (YAML); default: the bundled one")
        @WithName("rules-file")
        Optional<String> rulesFile();

        @Doc("reply templates (YAML); default: the bundled ones")
        @WithName("templates-file")
        Optional<String> templatesFile();

        @Doc("extra classifier keywords")
        @WithName("keywords-file")
        Optional<String> keywordsFile();

        @Doc("`{brand}` in templates")
        @WithDefault("our team")
        String brand();

        @Doc("automated replies per author per hour, all channels")
        @WithName("max-replies-per-author-per-hour") @WithDefault("3") @Min(0)
        int maxRepliesPerAuthorPerHour();

        @Doc("automated turns per thread before a human takes over")
        @WithName("max-bot-turns") @WithDefault("3") @Min(0)
        int maxBotTurns();

        @Doc("followers that make an author VIP")
        @WithName("vip-follower-threshold") @WithDefault("10000") @Min(1)
        long vipFollowerThreshold();

        @Doc("prefix automated replies with \"Réponse automatisée :\" / \"Automated reply:\"")
        @WithDefault("true")
        boolean disclosure();

        /** Once a person owns a thread, automation stays silent on it until its ticket is resolved. */
        @Doc("once a person owns a thread (hand-off, escalation, an agent's reply), automation stays silent on it until its ticket is closed")
        @WithName("human-takeover") @WithDefault("true")
        boolean humanTakeover();

        /** Queues whose resolved conversations get the satisfaction survey. */
        @Doc("queues (descriptor keys, comma-separated, e.g. `support,general`) whose resolved conversations get a satisfaction survey by DM: a CSAT question (1-5), then NPS when `survey-nps` is true; answers go to the ticket's Social CSAT / Social NPS; unset: no survey")
        @WithName("survey-queues")
        Optional<java.util.List<@Pattern(regexp = "[a-z0-9_]+", message = "must be a queue key such as support") String>> surveyQueues();

        /** Ask the NPS question after the CSAT answer. */
        @Doc("after the CSAT answer, ask how likely the customer is to recommend the brand (NPS, 0-10)")
        @WithName("survey-nps") @WithDefault("false")
        boolean surveyNps();

        /** Time zone of the business hours. */
        @Doc("time zone of the business hours")
        @WithName("business-zone") @WithDefault("Europe/Paris")
        java.time.ZoneId businessZone();

        /** Opening hours, HH:MM-HH:MM. */
        @Doc("opening hours (rules can match inside/outside them)")
        @WithName("business-hours") @WithDefault("09:00-18:00")
        @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]", message = "must look like 09:00-18:00")
        String businessHours();

        /** Opening days: a range (MON-FRI) or a list (MON,TUE,SAT). */
        @WithName("business-days") @WithDefault("MON-FRI")
        @Pattern(regexp = "(MON|TUE|WED|THU|FRI|SAT|SUN)(-(MON|TUE|WED|THU|FRI|SAT|SUN)|(,(MON|TUE|WED|THU|FRI|SAT|SUN))*)",
                message = "must be a day range such as MON-FRI or a list such as MON,TUE,SAT")
        @Doc("opening days: a range or a list such as `MON,TUE,SAT`")
        String businessDays();

        /** The confidence gate: below it, automation holds back what it would do for the customer (docs/automation.md). */
        @Doc("confidence gate: the classifier's confidence in a message's intent below which automation holds back the"
                + " replies, DMs and qualifier flows of rules that read the classifier; the ticket gets a note with the"
                + " classifier's guess and a person acts (0-1; 0: off; docs/automation.md, Confidence gate)")
        @WithName("min-confidence") @WithDefault("0.5")
        @DecimalMin(value = "0", message = "must be a confidence between 0 and 1")
        @DecimalMax(value = "1", message = "must be a confidence between 0 and 1")
        double minConfidence();

        /** Per-intent thresholds of the confidence gate, in place of {@link #minConfidence()} for their intent. */
        @Doc("per-intent thresholds of the confidence gate, in place of `min-confidence` for their intent:"
                + " comma-separated `intent:confidence`, e.g. `refund_cancel:0.7,praise:0.4` (0-1; intents: sales_lead,"
                + " support, refund_cancel, complaint, praise, question, spam, toxic, other); unset: `min-confidence`"
                + " for every intent")
        @WithName("min-confidence-by-intent")
        Optional<java.util.List<@Pattern(regexp = "(sales_lead|support|refund_cancel|complaint|praise|question|spam|toxic|other)"
                + ":(0(\\.[0-9]+)?|1(\\.0+)?)", message = "must be intent:confidence with a known intent and a confidence"
                + " between 0 and 1, such as refund_cancel:0.7") String>> minConfidenceByIntent();

        /** The confidence gate of hides: stricter than the intents' thresholds, whatever they say. */
        @Doc("confidence gate of hides: below it automation never hides a comment, whatever the intent's threshold;"
                + " the comment goes to Social Moderation Review with the classifier's guess (0-1)")
        @WithName("hide-min-confidence") @WithDefault("0.8")
        @DecimalMin(value = "0", message = "must be a confidence between 0 and 1")
        @DecimalMax(value = "1", message = "must be a confidence between 0 and 1")
        double hideMinConfidence();
    }

    /** Campaign attribution: what names a thread's campaign besides refs and ad referrals. */
    interface Attribution {
        /** The codes file: promo and creator codes, post ids and ad ids, each to its campaign. */
        @Doc("campaign codes file (YAML): `codes:` promo and creator codes found in messages (whole words, any case and accents), `CODE: campaign[,creator]`; `posts:` post or media id → campaign; `ads:` ad id → campaign (see README, Campaign attribution); unset: only refs and ads name campaigns")
        @WithName("codes-file")
        Optional<String> codesFile();

        /** Country of phone numbers written without their country code (ISO 3166 alpha-2). */
        @Doc("country of phone numbers given without a country code (ISO 3166 alpha-2: FR, BE, CH, LU, DE, ES, IT, PT, NL, GB, IE, US, CA, MA, TN, DZ, SN, CI); numbers are kept in E.164")
        @WithName("default-country") @WithDefault("FR")
        String defaultCountry();

        /** Bearer token of {@code POST /conversions} besides the admin token. */
        @Doc("Bearer token a shop or CRM presents to `POST /conversions` (the admin token is accepted too); unset: only the admin token")
        @WithName("conversions-token")
        Optional<Secret> conversionsToken();
    }

    /** Tracked links ({@code /r/<code>}): where they may lead, and the links {@code {link}} mints in replies. */
    interface Links {
        @Doc("domains tracked links may lead to (comma-separated, e.g. `shop.example.com,ig.me,m.me`; a domain allows its subdomains): a link whose target is elsewhere is refused at creation (no open redirect); unset: no link can be created")
        @WithName("allowed-domains")
        Optional<java.util.List<@Pattern(regexp = "[A-Za-z0-9.-]+", message = "must be a domain such as shop.example.com") String>> allowedDomains();

        @Doc("public base URL of the tracked links (e.g. `https://go.example.com`): `{link}` in replies is `<base-url>/r/<code>`; unset: `{link}` is not filled (templates use their fallback)")
        @WithName("base-url")
        Optional<@Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?", message = "must be an http(s) URL such as https://go.example.com") String> baseUrl();

        @Doc("the landing page `{link}` leads to (on an allowed domain), tagged with the thread's channel, `social_dm` or `social_comment` and campaign; unset: `{link}` is not filled")
        @WithName("landing-url")
        Optional<@Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL such as https://shop.example.com/offre") String> landingUrl();
    }

    /**
     * Leads: the lead form endpoint ({@code POST /leads}), the qualifier flow's timeout and the lead score's points
     * (docs/attribution.md).
     */
    interface Leads {
        @Doc("web origins allowed to post the lead form from a browser (comma-separated, e.g. `https://shop.example.com`); others get 403; unset: only requests without an Origin header (server to server)")
        @WithName("allowed-origins")
        Optional<java.util.List<@Pattern(regexp = "https?://[^\\s/]+", message = "must be an origin such as https://shop.example.com") String>> allowedOrigins();

        @Doc("lead form submissions accepted per client IP per minute (429 with Retry-After above)")
        @WithName("rate-limit") @WithDefault("10") @Min(1) @Max(10000)
        int rateLimit();

        @Doc("a second submission with the same email or phone and campaign within this window is the same lead (no second ticket)")
        @WithName("duplicate-window") @WithDefault("P1D")
        Duration duplicateWindow();

        @Doc("queue (descriptor key) of the tickets of form leads")
        @WithDefault("hot_leads") @Pattern(regexp = "[a-z0-9_]+", message = "must be a queue key such as hot_leads")
        String queue();

        @Doc("a qualifier flow whose question has no answer after this long is closed, with a note on the ticket")
        @WithName("qualifier-timeout") @WithDefault("PT24H")
        Duration qualifierTimeout();

        @Doc("lead score at which a thread becomes a hot lead and goes to Social Hot Leads, once (0-100)")
        @WithName("hot-threshold") @WithDefault("70") @Min(1) @Max(100)
        int hotThreshold();

        @Doc("lead score points of a buying intent, scaled by the classifier's confidence (0.91 → 27 of 30)")
        @WithName("points-intent") @WithDefault("30") @Min(0) @Max(100)
        int pointsIntent();

        @Doc("lead score points of a campaign signal on the thread (ref, ad, code, post)")
        @WithName("points-campaign") @WithDefault("15") @Min(0) @Max(100)
        int pointsCampaign();

        @Doc("lead score points of each qualifier answer given")
        @WithName("points-answer") @WithDefault("10") @Min(0) @Max(100)
        int pointsAnswer();

        @Doc("lead score points of an e-mail or phone given in the qualifier flow")
        @WithName("points-contact") @WithDefault("10") @Min(0) @Max(100)
        int pointsContact();

        @Doc("lead score points of each follower bucket the author reaches (1k, 10k, 100k followers)")
        @WithName("points-followers") @WithDefault("5") @Min(0) @Max(33)
        int pointsFollowers();

        @Doc("lead score points of each customer message on the thread after the first")
        @WithName("points-touch") @WithDefault("2") @Min(0) @Max(100)
        int pointsTouch();

        @Doc("most lead score points from repeat messages")
        @WithName("points-touch-cap") @WithDefault("10") @Min(0) @Max(100)
        int pointsTouchCap();
    }

    /** SLA clocks: the business calendar they count, warnings, pauses. */
    interface Sla {
        @Doc("time zone of the SLA business calendar")
        @WithDefault("Europe/Paris")
        java.time.ZoneId zone();

        @Doc("business hours of SLA classes with `calendar: business`, per weekday with split shifts, e.g. `MON-FRI 09:00-12:30,13:30-18:00; SAT 10:00-13:00`; `24/7`: around the clock")
        @WithDefault("24/7") @NotBlank
        String hours();

        @Doc("holidays (ISO dates, comma-separated, e.g. `2026-12-25,2027-01-01`): business clocks do not run on them")
        Optional<String> holidays();

        @Doc("iCalendar file (.ics) of more holidays (all-day events, yearly rules)")
        @WithName("holidays-file")
        Optional<String> holidaysFile();

        @Doc("share of a clock's target (percent) at which the ticket gets a pre-breach warning")
        @WithName("warn-at-percent") @WithDefault("75") @Min(1) @Max(99)
        int warnAtPercent();

        @Doc("host statuses in which the SLA clocks pause (waiting on the customer); the customer's next message resumes them")
        @WithName("pause-statuses") @WithDefault("stalled")
        java.util.List<@Pattern(regexp = "[a-z_]+", message = "must be a status such as stalled") String> pauseStatuses();

        @Doc("automated replies count as a response for the SLA clocks (by default only a person's reply does)")
        @WithName("automated-replies-count") @WithDefault("false")
        boolean automatedRepliesCount();

        @Doc("negative messages on one account within `crisis-window` that put its ticketed threads in the crisis SLA class; 0: off")
        @WithName("crisis-negative-messages") @WithDefault("20") @Min(0)
        int crisisNegativeMessages();

        @Doc("messages on one account within `crisis-window` that put its ticketed threads in the crisis SLA class; 0: off")
        @WithName("crisis-messages") @WithDefault("0") @Min(0)
        int crisisMessages();

        @Doc("the window in which a spike of messages is counted")
        @WithName("crisis-window") @WithDefault("PT15M")
        Duration crisisWindow();

        @Doc("how often due warnings and breaches are looked for")
        @WithName("check-interval") @WithDefault("PT15S")
        Duration checkInterval();
    }
}

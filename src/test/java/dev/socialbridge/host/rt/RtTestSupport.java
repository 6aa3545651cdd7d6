package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.DescriptorLoader;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.ProvisioningPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Access to the live RT the integration tests run against, shared with other packages' ITs.
 *
 * <p>The RT comes from {@code SOCIALBRIDGE_TEST_RT_URL} / {@code SOCIALBRIDGE_TEST_RT_TOKEN}, else from
 * {@code /tmp/rt5-test/env.sh} written by {@code rt-host-up.sh}; without either the calling test fails.
 * The RT is shared, so tests provision a {@link #uniqueDescriptor()} whose queue and field labels carry a
 * random run suffix, which makes "what did install create" observable, and {@link #disable} it afterwards.
 */
public final class RtTestSupport {
    public static final Path ENV_FILE = Path.of("/tmp/rt5-test/env.sh");
    private static final Pattern EXPORT = Pattern.compile("^export\\s+(\\w+)='?(.*?)'?$");
    private static Descriptor installed;

    private RtTestSupport() {
    }

    /** Counts of RT objects whose name contains a run suffix. */
    public record RtCounts(int queues, int customFields, int fieldValues) { }

    /** RT web root, e.g. {@code http://127.0.0.1:8089}. */
    public static String rtUrl() {
        return setting("SOCIALBRIDGE_TEST_RT_URL", "RT_URL");
    }

    /** Auth token of an RT superuser. */
    public static String rtToken() {
        return setting("SOCIALBRIDGE_TEST_RT_TOKEN", "RT_TOKEN");
    }

    /** Login and password of that RT superuser, for RT's web pages (its login form). */
    public static Map.Entry<String, String> rtLogin() {
        return Map.entry(setting("SOCIALBRIDGE_TEST_RT_USER", "RT_USER"),
                setting("SOCIALBRIDGE_TEST_RT_PASSWORD", "RT_PASSWORD"));
    }

    /**
     * Settings for the RT host adapter ({@code base-url}, {@code token}), prefix stripped. Without role groups: they
     * have fixed names, and the views of each test's unique descriptor would replace one another (RtRoleViewsIT
     * installs them).
     */
    public static Map<String, String> settings() {
        return Map.of(RtSettings.BASE_URL, rtUrl(), RtSettings.TOKEN, rtToken(), RtSettings.ROLE_GROUPS, "none");
    }

    /**
     * The shipped descriptor with a random suffix such as {@code " it-3f9a1c"} on every queue and field label, its
     * queues unowned: the shipped owners are the role groups, whose rights cover the shipped queues only (owner
     * tests give their queues owners of their own).
     */
    public static Descriptor uniqueDescriptor() {
        Descriptor unique = withSuffix(DescriptorLoader.fromClasspath(), " it-" + UUID.randomUUID().toString().substring(0, 6));
        return unique.withQueues(unique.queues().stream().map(q -> q.withOwner(QueueDef.Owner.NOBODY)).toList());
    }

    /** {@code descriptor} with {@code suffix} appended to every queue and field label. */
    public static Descriptor withSuffix(Descriptor descriptor, String suffix) {
        List<FieldDef> fields = descriptor.fields().stream()
                .map(f -> new FieldDef(f.key(), f.label() + suffix, f.type(), f.appliesTo(), f.values(), f.unique(),
                        f.description(), f.link(), f.group()))
                .toList();
        List<QueueDef> queues = descriptor.queues().stream()
                .map(q -> new QueueDef(q.key(), q.label() + suffix, q.description(), q.defaultPriority(), q.sla(), q.owner()))
                .toList();
        return new Descriptor(descriptor.id(), descriptor.version(), descriptor.hostCapabilities(), fields, queues,
                descriptor.settings(), descriptor.crisis(), descriptor.fieldGroups(), descriptor.priorities());
    }

    /** The run suffix of a {@link #uniqueDescriptor()} (taken from its first queue label). */
    public static String suffixOf(Descriptor descriptor) {
        String label = descriptor.queues().get(0).label();
        return label.substring(label.lastIndexOf(" it-"));
    }

    /**
     * An adapter on the live RT. When {@code env.sh} names the RT site config, the perl apply helper gets
     * it too, so installs can apply user and transaction fields as on a real RT host.
     */
    public static HostAdapter adapter(Descriptor descriptor) {
        return adapter(descriptor, settings());
    }

    /** An adapter with explicit settings (e.g. a wrong token). */
    public static HostAdapter adapter(Descriptor descriptor, Map<String, String> settings) {
        return new RtHostAdapter(RtSettings.from(settings), descriptor, helperEnvironment(), Clock.systemUTC());
    }

    /**
     * A unique descriptor installed once per JVM, for tests that need provisioned queues and fields but do
     * not test provisioning. Disabled again when the JVM exits.
     */
    public static synchronized Descriptor installedDescriptor() {
        if (installed == null) {
            Descriptor descriptor = uniqueDescriptor();
            ProvisioningPlan plan = adapter(descriptor).install(descriptor);
            if (plan.count(ProvisioningPlan.Status.CONFLICT) > 0) {
                fail("install of the test descriptor had conflicts: " + plan.steps());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> disable(descriptor)));
            installed = descriptor;
        }
        return installed;
    }

    /** Queues, custom fields (any lookup type) and select values whose name contains {@code suffix}. */
    public static RtCounts counts(String suffix) {
        JsonNode queues = client().post("/queues?per_page=100", like(suffix));
        JsonNode fields = client().post("/customfields?per_page=100", like(suffix));
        int values = 0;
        for (JsonNode cf : fields.path("items")) {
            values += client().get("/customfield/" + cf.path("id").asText()).path("Values").size();
        }
        return new RtCounts(queues.path("total").asInt(), fields.path("total").asInt(), values);
    }

    /** Queues whose name contains {@code suffix}. */
    public static int countQueues(String suffix) {
        return client().post("/queues?per_page=1", like(suffix)).path("total").asInt();
    }

    /** Custom fields whose name contains {@code suffix}. */
    public static int countCustomFields(String suffix) {
        return client().post("/customfields?per_page=1", like(suffix)).path("total").asInt();
    }

    /** Raw REST2 GET for assertions, path relative to {@code /REST/2.0}. */
    public static JsonNode get(String path) {
        return client().get(path);
    }

    /** Raw REST2 POST for assertions (searches). */
    public static JsonNode post(String path, Object body) {
        return client().post(path, body);
    }

    public static JsonNode put(String path, Object body) {
        return client().put(path, body);
    }

    /**
     * A client that acts as agent {@code name} (a privileged RT user with the SuperUser right, created once with
     * {@code test-fixtures/rt/rt-test-agent.pl} on the local RT): a person other than the plugin's API user.
     */
    public static synchronized RtClient agent(String name) {
        String password = "agent-password-" + name;
        if (!AGENTS.contains(name)) {
            try {
                ProcessBuilder pb = new ProcessBuilder("perl", "test-fixtures/rt/rt-test-agent.pl", name, password)
                        .redirectErrorStream(true);
                pb.environment().putAll(helperEnvironment());
                Process p = pb.start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes());
                if (p.waitFor() != 0) {
                    fail("could not create the test agent " + name + ": " + out);
                }
            } catch (IOException e) {
                fail("could not run rt-test-agent.pl: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            AGENTS.add(name);
        }
        return new RtClient(RtSettings.from(Map.of("base-url", rtUrl(), "user", name, "password", password)));
    }

    private static final java.util.Set<String> AGENTS = new java.util.HashSet<>();

    /** An auth token of a new privileged RT user {@code name} (created with rt-test-agent.pl), e.g. the plugin's bot. */
    public static String userToken(String name) {
        try {
            ProcessBuilder pb = new ProcessBuilder("perl", "test-fixtures/rt/rt-test-agent.pl", name,
                    "user-password-" + name, "--token");
            pb.environment().putAll(helperEnvironment());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            String err = new String(p.getErrorStream().readAllBytes());
            if (p.waitFor() != 0 || !out.matches("\\d+-\\d+-\\w+")) {
                fail("could not create a token for " + name + ": " + out + err);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Disables (RT never deletes) the queues and custom fields of a unique descriptor, after taking its queues out of
     * RT's configuration (field groupings, priority names, the collapsing callback); best effort.
     */
    public static void disable(Descriptor descriptor) {
        String suffix = suffixOf(descriptor);
        RtClient client = client();
        try {
            adapter(descriptor).uninstall(descriptor);
        } catch (RuntimeException e) {
            System.err.println("could not uninstall '*" + suffix + "': " + e.getMessage());
        }
        try {
            for (JsonNode cf : client.post("/customfields?per_page=100", like(suffix)).path("items")) {
                client.delete("/customfield/" + cf.path("id").asText());
            }
            for (JsonNode queue : client.post("/queues?per_page=100", like(suffix)).path("items")) {
                client.delete("/queue/" + queue.path("id").asText());
            }
        } catch (RuntimeException e) {
            System.err.println("could not clean up RT objects '*" + suffix + "': " + e.getMessage());
        }
    }

    static RtClient client() {
        return new RtClient(RtSettings.from(settings()));
    }

    private static ArrayNode like(String suffix) {
        ArrayNode query = RtClient.JSON.createArrayNode();
        query.addObject().put("field", "Name").put("operator", "LIKE").put("value", suffix.trim());
        return query;
    }

    /** The process environment plus RT_SITE_CONFIG / RT_SITE_CONFIG_DIR from env.sh when not set. */
    /**
     * Whether RT shows the values of ticket field {@code label} as links to themselves ({@code LinkValueTo} is
     * {@code __CustomField__}), read with {@code rt-link-cf.pl --check}: REST2 does not show it.
     */
    public static boolean linksToValue(String label) {
        try {
            ProcessBuilder pb = new ProcessBuilder("perl", "plugin/rt/rt-link-cf.pl", "--check", "RT::Queue-RT::Ticket",
                    label + "=__CustomField__").redirectErrorStream(true);
            pb.environment().putAll(helperEnvironment());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor() == 0 && out.contains("already:");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> helperEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        Map<String, String> file = envFile();
        for (String key : List.of("RT_SITE_CONFIG", "RT_SITE_CONFIG_DIR")) {
            if (!env.containsKey(key) && file.containsKey(key)) {
                env.put(key, file.get(key));
            }
        }
        return env;
    }

    private static String setting(String envVar, String envFileKey) {
        String value = System.getenv(envVar);
        if (value != null && !value.isBlank()) {
            return value;
        }
        value = envFile().get(envFileKey);
        if (value == null || value.isBlank()) {
            fail("No live RT for the integration tests: set " + envVar + " (and SOCIALBRIDGE_TEST_RT_URL/_TOKEN),"
                    + " or start the reference RT with rt-host-up.sh, which writes " + ENV_FILE);
        }
        return value;
    }

    private static Map<String, String> envFile() {
        Map<String, String> values = new HashMap<>();
        if (!Files.isReadable(ENV_FILE)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(ENV_FILE)) {
                Matcher m = EXPORT.matcher(line.trim());
                if (m.matches()) {
                    values.put(m.group(1), m.group(2));
                }
            }
        } catch (IOException e) {
            fail("cannot read " + ENV_FILE + ": " + e.getMessage());
        }
        return values;
    }

    /** Names of the custom fields listed under {@code key} (e.g. TicketCustomFields) of a JSON record. */
    public static List<String> customFieldNames(JsonNode record, String key) {
        return StreamSupport.stream(record.path(key).spliterator(), false).map(cf -> cf.path("name").asText()).toList();
    }
}

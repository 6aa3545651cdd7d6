package dev.socialbridge.app;

import dev.socialbridge.config.ConfigKeys;
import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.config.SettingSpec;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.connector.spi.ConnectorFactory;
import dev.socialbridge.descriptor.SettingDef;
import dev.socialbridge.host.spi.HostAdapterFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the plugin, from where each is declared: the core mapping ({@code SocialBridgeConfig} and its
 * {@code @Doc}s), each host type's and each connector's {@link SettingSpec}s. The README settings table, the
 * example {@code application.properties} and the descriptor's settings list are generated from this, so none of
 * them can drift from the code ({@code SettingsDocTest} fails when one does; {@code scripts/gen-settings.sh}
 * rewrites them).
 */
final class SettingsCatalog {
    /** Section titles of the core groups, in the order they are shown. */
    private static final Map<String, String> CORE_SECTIONS = new LinkedHashMap<>();

    static {
        CORE_SECTIONS.put("http", "HTTP server");
        CORE_SECTIONS.put("store", "Operational store (inbox, outbox, dedupe keys, audit, cursors)");
        CORE_SECTIONS.put("inbox", "Webhook journal (durable, group-committed front of the inbox)");
        CORE_SECTIONS.put("outbox", "Outbox delivery (to the host and the platforms)");
        CORE_SECTIONS.put("media", "Attachments (customers' photos, voice notes, documents)");
        CORE_SECTIONS.put("host", "Host (helpdesk/CRM)");
        CORE_SECTIONS.put("descriptor", "Descriptor");
        CORE_SECTIONS.put("admin", "Admin");
        CORE_SECTIONS.put("pipeline", "Pipeline");
        CORE_SECTIONS.put("automation", "Automation");
        CORE_SECTIONS.put("attribution", "Campaign attribution");
        CORE_SECTIONS.put("links", "Tracked links");
        CORE_SECTIONS.put("leads", "Lead form");
    }

    private SettingsCatalog() {
    }

    /** One setting with its full key and the section it is shown in. */
    record Entry(String section, String fullKey, SettingSpec spec) { }

    /** Every setting, core groups first (host settings after the host type), then each connector's. */
    static List<Entry> all() {
        Map<String, List<Entry>> core = new LinkedHashMap<>();
        CORE_SECTIONS.keySet().forEach(g -> core.put(g, new ArrayList<>()));
        for (ConfigKeys.Key k : ConfigKeys.all()) {
            String group = ConfigLoader.group(k.name());
            core.computeIfAbsent(group, g -> new ArrayList<>())
                    .add(new Entry(CORE_SECTIONS.getOrDefault(group, group), k.name(), k.spec()));
        }
        for (HostAdapterFactory f : HostAdapterFactory.all()) {
            String prefix = Components.HOST_PREFIX + f.type() + ".";
            f.settings().forEach(s -> core.get("host").add(new Entry(CORE_SECTIONS.get("host") + ": " + f.type(),
                    prefix + s.key(), s)));
        }
        List<Entry> out = new ArrayList<>();
        core.values().forEach(out::addAll);
        for (ConnectorFactory f : Connectors.factories()) {
            String platforms = String.join(", ", f.platforms().stream().map(p -> p.id()).sorted().toList());
            f.settings().forEach(s -> out.add(new Entry("Connector " + f.id() + " (" + platforms + ")",
                    Connectors.prefix(f) + s.key(), s)));
        }
        return out;
    }

    /** The rows of the README settings table. */
    static String markdownTable(List<Entry> entries) {
        StringBuilder b = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (Entry e : entries) {
            SettingSpec s = e.spec();
            b.append("| `").append(e.fullKey()).append("` | ")
                    .append(s.defaultValue() == null ? "–" : "`" + s.defaultValue() + "`").append(" | ")
                    .append(meaning(s).replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    /** The example {@code application.properties}: every setting, commented out, with its documentation. */
    static String properties(List<Entry> entries) {
        StringBuilder b = new StringBuilder();
        b.append("# Social Bridge settings, generated from their declarations (bin/social-bridge settings).\n")
                .append("# Every key can also be given as an environment variable using the MicroProfile mapping\n")
                .append("# (upper-case, non-alphanumerics to '_'), e.g. SOCIALBRIDGE_HOST_RT_BASE_URL, or in a file\n")
                .append("# passed with --config FILE (which overrides this file). Keys with <name> are per instance:\n")
                .append("# replace <name> with a name of your choice (letters, digits, '-', '_'). Secrets (tokens,\n")
                .append("# passwords, app secrets) are never logged or printed. A connector starts once it is set up.\n");
        String section = null;
        for (Entry e : entries) {
            if (!e.section().equals(section)) {
                section = e.section();
                b.append("\n# --- ").append(section).append(" ").append("-".repeat(Math.max(3, 96 - section.length())))
                        .append('\n');
            }
            SettingSpec s = e.spec();
            b.append("# ").append(meaning(s)).append('\n');
            String value = s.defaultValue() != null ? s.defaultValue() : s.example() != null ? s.example() : "";
            b.append('#').append(e.fullKey().replace(SettingSpec.NAME, "main")).append('=').append(value).append('\n');
        }
        return b.toString();
    }

    /** The descriptor's settings list. */
    static List<SettingDef> descriptorSettings(List<Entry> entries) {
        List<SettingDef> out = new ArrayList<>();
        for (Entry e : entries) {
            SettingSpec s = e.spec();
            out.add(new SettingDef(e.fullKey(), s.type().descriptorName(s.secret()), s.required(), s.secret(),
                    s.defaultValue(), s.doc()));
        }
        return out;
    }

    private static String meaning(SettingSpec s) {
        String doc = s.doc();
        List<String> marks = new ArrayList<>();
        if (s.secret()) {
            marks.add("secret");
        }
        if (s.required()) {
            marks.add(s.keyed() ? "required for each instance" : "required");
        }
        if (s.type() == SettingSpec.Type.ENUM && !doc.contains("`" + s.choices().get(0) + "`")) {
            marks.add("one of " + String.join(", ", s.choices()));
        }
        return marks.isEmpty() ? doc : doc + " (" + String.join("; ", marks) + ")";
    }
}

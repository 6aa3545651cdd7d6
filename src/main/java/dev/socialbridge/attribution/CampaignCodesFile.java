package dev.socialbridge.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.templates.YamlNodes;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the codes file of {@code socialbridge.attribution.codes-file} (YAML, every section optional):
 * <pre>
 * codes:                      # promo and creator codes found in messages: CODE: campaign[,creator]
 *   BF26: black_friday_2026
 *   LEA10: black_friday_2026, lea.martin
 * posts:                      # post or media id: campaign (comments and story replies on it)
 *   "17910000000000023": summer_drop_2026
 * ads:                        # ad id: campaign (else the ad's title, else ad:&lt;id&gt;)
 *   "120210000000000061": black_friday_2026
 * </pre>
 * Every problem is reported at once, each naming the file, the entry and the value.
 */
public final class CampaignCodesFile {
    static final List<String> SECTIONS = List.of("codes", "posts", "ads");
    /** Campaign and creator names: no separators that would break a touch source or a list. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[^,\\n\\r]{1,200}");

    private CampaignCodesFile() {
    }

    /** The maps of {@code file}, or null with the problems added. */
    public static CampaignCodes read(Path file, List<String> problems) {
        JsonNode root = YamlNodes.read(file, problems);
        return root == null ? null : read(String.valueOf(file.getFileName()), root, problems);
    }

    /** The maps of a parsed file named {@code name}, or null with the problems added. */
    static CampaignCodes read(String name, JsonNode root, List<String> problems) {
        int before = problems.size();
        if (!root.isObject()) {
            problems.add(name + ": expected a mapping with " + String.join(", ", SECTIONS) + ", found "
                    + YamlNodes.describe(root));
            return null;
        }
        YamlNodes.rejectUnknownKeys(root, SECTIONS, name + ": ", "section", problems);
        Map<String, CampaignCodes.Target> codes = new LinkedHashMap<>();
        Map<String, String> folded = new HashMap<>();
        entries(root, "codes", name, problems).forEach((code, value) -> {
            String where = name + ": codes." + code;
            String key = CampaignCodes.fold(code);
            if (key.isEmpty()) {
                problems.add(where + ": a code needs a letter or digit");
                return;
            }
            if (folded.containsKey(key)) {
                problems.add(where + ": same code as '" + folded.get(key) + "' (codes ignore case and accents)");
                return;
            }
            folded.put(key, code);
            String[] parts = value.split(",", -1);
            if (parts.length > 2) {
                problems.add(where + ": '" + value + "' is not 'campaign' or 'campaign, creator'");
                return;
            }
            String campaign = name(parts[0], where, "campaign", value, problems);
            String creator = parts.length == 2 ? name(parts[1], where, "creator", value, problems) : null;
            if (campaign != null && (parts.length == 1 || creator != null)) {
                codes.put(code, new CampaignCodes.Target(campaign, creator));
            }
        });
        Map<String, String> posts = campaigns(root, "posts", name, problems);
        Map<String, String> ads = campaigns(root, "ads", name, problems);
        return problems.size() > before ? null : new CampaignCodes(codes, posts, ads);
    }

    private static Map<String, String> campaigns(JsonNode root, String section, String name, List<String> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        entries(root, section, name, problems).forEach((id, value) -> {
            String where = name + ": " + section + "." + id;
            if (!id.matches("[A-Za-z0-9_:.-]+")) {
                problems.add(where + ": '" + id + "' is not an id (letters, digits, _ : . -)");
                return;
            }
            String campaign = name(value, where, "campaign", value, problems);
            if (campaign != null) {
                out.put(id, campaign);
            }
        });
        return out;
    }

    /** The string entries of a section, in file order; problems for anything else. */
    private static Map<String, String> entries(JsonNode root, String section, String name, List<String> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = root.get(section);
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.add(name + ": " + section + ": expected a mapping, found " + YamlNodes.describe(node));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String value = YamlNodes.text(e.getValue(), name + ": " + section + "." + e.getKey(), problems);
            if (value != null) {
                out.put(e.getKey(), value);
            }
        }
        return out;
    }

    private static String name(String part, String where, String what, String value, List<String> problems) {
        String s = part.strip();
        if (s.isEmpty() || !NAME.matcher(s).matches()) {
            problems.add(where + ": '" + value + "' has no valid " + what + " (1-200 characters, no comma)");
            return null;
        }
        return s;
    }
}

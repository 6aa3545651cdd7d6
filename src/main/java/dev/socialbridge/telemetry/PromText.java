package dev.socialbridge.telemetry;

import java.util.List;

/** Writing the Prometheus text exposition format (0.0.4): family headers, samples, escaped label values. */
public final class PromText {
    private PromText() {
    }

    /** The {@code # HELP} and {@code # TYPE} lines of a family. */
    public static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** One sample line: {@code name{l1="v1",l2="v2"} value}. */
    public static void sample(StringBuilder out, String name, List<String> labelNames, List<String> labelValues,
                              String value) {
        out.append(name);
        if (!labelNames.isEmpty()) {
            out.append('{');
            for (int i = 0; i < labelNames.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labelNames.get(i)).append("=\"").append(label(labelValues.get(i))).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    /** A label value escaped for the text format: backslash, double quote and line feed. */
    public static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

package dev.socialbridge.host.rt;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.PriorityDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a rep sees on a social ticket: the fields in titled boxes, the technical box collapsed, priorities with names
 * (see {@link RtWorkplaceSpec}). REST2 cannot change RT's configuration, so {@value RtApplyHelper#WORKPLACE_SCRIPT}
 * writes it through RT's own database configuration where it can run (RT on this machine); elsewhere the admin gets
 * the exact command. One finding per part: {@code field-groupings}, {@code priority-names}, {@code collapsed-groups},
 * {@code hidden-empty-fields}.
 */
final class RtWorkplace implements RtRemovable {
    static final String KIND = "workplace";

    /** A part of the workplace: how the helper names it in its output, and the step key. */
    enum Part {
        GROUPINGS("CustomFieldGroupings", "field-groupings"),
        PRIORITIES("PriorityAsString", "priority-names"),
        CALLBACK("callback", "collapsed-groups"),
        HIDE_EMPTY("hide-empty", "hidden-empty-fields");

        final String item;
        final String key;

        Part(String item, String key) {
            this.item = item;
            this.key = key;
        }

        static Part ofItem(String item) {
            for (Part p : values()) {
                if (p.item.equals(item)) {
                    return p;
                }
            }
            throw new IllegalArgumentException(item);
        }
    }

    /** How the helper runs: set what is missing, only check, remove, or only say what it would remove. */
    enum Mode {
        APPLY("--apply"), CHECK("--check"), REMOVE("--remove"), REMOVE_CHECK("--remove", "--check");

        final List<String> flags;

        Mode(String... flags) {
            this.flags = List.of(flags);
        }
    }

    /** {@code <status>: <item>: <text>}, as rt-workplace.pl prints. */
    private static final Pattern LINE = Pattern.compile(
            "^(already|ok|missing|absent|removed|present|note|FAILED): (CustomFieldGroupings|PriorityAsString|callback|hide-empty): (.*)$");

    private final RtApplyHelper helper;

    RtWorkplace(RtApplyHelper helper) {
        this.helper = helper;
    }

    /** Install (or, in a dry run, check) the workplace of the descriptor's queues; adds its findings to the run. */
    void provision(RtProvisioningContext ctx, Descriptor descriptor) {
        RtWorkplaceSpec spec = RtWorkplaceSpec.of(descriptor);
        if (spec.declaresAnything()) {
            ctx.findings.addAll(run(spec, ctx.write ? Mode.APPLY : Mode.CHECK));
        }
    }

    @Override
    public List<RtFinding> remove(Descriptor descriptor, boolean dryRun) {
        return run(RtWorkplaceSpec.of(descriptor), dryRun ? Mode.REMOVE_CHECK : Mode.REMOVE);
    }

    /** The helper's arguments in a mode. */
    static List<String> arguments(RtWorkplaceSpec spec, Mode mode) {
        List<String> args = new ArrayList<>(mode.flags);
        args.add(spec.toJson());
        return args;
    }

    private List<RtFinding> run(RtWorkplaceSpec spec, Mode mode) {
        String command = helper.scriptCommand(RtApplyHelper.WORKPLACE_SCRIPT, arguments(spec, mode == Mode.CHECK ? Mode.APPLY
                : mode == Mode.REMOVE_CHECK ? Mode.REMOVE : mode));
        if (!helper.canRun()) {
            return List.of(notHere(spec, mode, command));
        }
        RtApplyHelper.Result result = helper.runScript(RtApplyHelper.WORKPLACE_SCRIPT, arguments(spec, mode));
        return findings(spec, mode, result.output(), command);
    }

    /**
     * The findings of one helper run from its output: per part, a failure wins, then a change (or, checking, a change
     * to make); a run that printed nothing about the parts (perl or RT could not start) is one conflict.
     */
    static List<RtFinding> findings(RtWorkplaceSpec spec, Mode mode, String output, String command) {
        Map<Part, Map<String, List<String>>> byPart = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (String line : output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                byPart.computeIfAbsent(Part.ofItem(m.group(2)), p -> new LinkedHashMap<>())
                        .computeIfAbsent(m.group(1), s -> new ArrayList<>()).add(m.group(3));
            } else {
                other.add(line);
            }
        }
        if (byPart.isEmpty() || other.stream().anyMatch(l -> l.startsWith("FAILED") || l.startsWith("usage"))) {
            String what = String.join("; ", other.isEmpty() ? List.of(output.strip()) : other);
            return List.of(RtFinding.conflict(KIND, KIND, title(spec), command,
                    RtApplyHelper.WORKPLACE_SCRIPT + " failed: " + what, "on the RT host run: " + command));
        }
        List<RtFinding> findings = new ArrayList<>();
        byPart.forEach((part, lines) -> findings.add(finding(spec, mode, part, lines, command)));
        return findings;
    }

    private static RtFinding finding(RtWorkplaceSpec spec, Mode mode, Part part, Map<String, List<String>> lines,
                                     String command) {
        String label = label(spec, part);
        List<String> notes = lines.getOrDefault("note", List.of());
        if (lines.containsKey("FAILED")) {
            return RtFinding.conflict(KIND, part.key, label, command, part.item + ": "
                    + String.join("; ", lines.get("FAILED")), "on the RT host run: " + command);
        }
        return switch (mode) {
            case APPLY -> lines.containsKey("missing")
                    ? RtFinding.conflict(KIND, part.key, label, command, part.item + " still missing after install: "
                            + summary(lines.get("missing")), "on the RT host run: " + command)
                    : lines.containsKey("ok")
                    ? RtFinding.created(KIND, part.key, label, detail("set for", lines.get("ok"), notes))
                    : RtFinding.present(KIND, part.key, label, detail("in place for", lines.get("already"), notes));
            case CHECK -> lines.containsKey("missing")
                    ? RtFinding.toCreate(KIND, part.key, label, detail("would set for", lines.get("missing"), notes),
                            part.item + " of the social queues not set: " + summary(lines.get("missing")))
                    : RtFinding.present(KIND, part.key, label, detail("in place for", lines.get("already"), notes));
            case REMOVE -> lines.containsKey("removed")
                    ? RtFinding.removed(KIND, part.key, label, detail("removed for", lines.get("removed"), notes))
                    : RtFinding.absent(KIND, part.key, label, "nothing to remove");
            case REMOVE_CHECK -> lines.containsKey("present")
                    ? RtFinding.toRemove(KIND, part.key, label, detail("would remove for", lines.get("present"), notes))
                    : RtFinding.absent(KIND, part.key, label, "nothing to remove");
        };
    }

    /** Where the helper cannot run: one step with the command the admin runs on the RT host. */
    private static RtFinding notHere(RtWorkplaceSpec spec, Mode mode, String command) {
        String title = title(spec);
        return switch (mode) {
            case APPLY -> RtFinding.conflict(KIND, KIND, title, command,
                    "REST2 cannot change RT's configuration: the social tickets show their fields in one list and "
                            + "priorities as numbers until this runs", "on the RT host run: " + command);
            case CHECK -> RtFinding.toCreate(KIND, KIND, title, "run on the RT host: " + command,
                    "field groupings and priority names cannot be read over REST2; on the RT host run: " + command);
            case REMOVE -> RtFinding.conflict(KIND, KIND, title, command,
                    "REST2 cannot change RT's configuration", "on the RT host run: " + command);
            case REMOVE_CHECK -> RtFinding.toRemove(KIND, KIND, title,
                    "cannot be read over REST2; on the RT host run: " + command + " --check");
        };
    }

    /** "5 queues (Social Hot Leads, ...)" of the helper's "queue X ..." lines, and any other line as it is. */
    private static String detail(String verb, List<String> texts, List<String> notes) {
        List<String> parts = new ArrayList<>();
        List<String> queues = texts.stream().filter(t -> t.startsWith("queue ")).toList();
        if (!queues.isEmpty()) {
            parts.add(verb + " " + queues.size() + " queue(s)");
        }
        texts.stream().filter(t -> !t.startsWith("queue ")).forEach(parts::add);
        parts.addAll(notes);
        return String.join("; ", parts);
    }

    private static String summary(List<String> texts) {
        return String.join(", ", texts);
    }

    private static String title(RtWorkplaceSpec spec) {
        return "field groupings, priority names of " + spec.queues().size() + " queue(s)";
    }

    /** What a part is, for the plan: the box titles, the priority names, the collapsed boxes. */
    static String label(RtWorkplaceSpec spec, Part part) {
        return switch (part) {
            case GROUPINGS -> spec.groupings().stream().map(RtWorkplaceSpec.Grouping::title)
                    .collect(Collectors.joining(", "));
            case PRIORITIES -> spec.priorities().stream().map(PriorityDef::label).collect(Collectors.joining(", "));
            case CALLBACK -> spec.collapsed().isEmpty() ? "no box collapsed"
                    : String.join(", ", spec.collapsed()) + " collapsed";
            case HIDE_EMPTY -> spec.hideEmpty().isEmpty() ? "every field shown"
                    : "empty fields left out of " + String.join(", ", spec.hideEmpty());
        };
    }
}

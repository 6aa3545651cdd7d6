package dev.socialbridge.app;

import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.kpi.KpiQuery;
import dev.socialbridge.kpi.KpiReport;
import dev.socialbridge.kpi.KpiStore;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code report kpis [--from ISO] [--to ISO] [--group queue|channel|intent|day|none] [--format json|csv]} and
 * {@code report attribution [--from] [--to] [--group ...] [--model first|last|linear] [--format]}: reports from the store.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports from the operational store.",
        subcommands = {ReportCommand.Kpis.class, ReportCommand.Attribution.class})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.BAD_CONFIG;
    }

    /** {@code report kpis}: the service KPIs (docs/kpis.md) of the threads that started in [from, to). */
    @Command(name = "kpis", mixinStandardHelpOptions = true,
            description = "Service KPIs (response and resolution times, SLA compliance, escalation and automation rates)"
                    + " of the threads whose first message is in [from, to).")
    static final class Kpis implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Option(names = "--from", paramLabel = "ISO", description = "Start, inclusive: 2026-11-01T00:00:00Z or 2026-11-01 (UTC). Default: --to minus 7 days.")
        String from;

        @Option(names = "--to", paramLabel = "ISO", description = "End, exclusive. Default: now.")
        String to;

        @Option(names = "--group", paramLabel = "queue|channel|intent|day|none", description = "Group by queue (default), channel (platform), intent (of the first ticketed message), day (UTC day of the first message) or none.")
        String group;

        @Option(names = "--format", paramLabel = "json|csv", description = "json (default) or csv.")
        String format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            KpiQuery query;
            boolean csv;
            try {
                Instant fromAt = KpiQuery.parseInstant("--from", from);
                Instant toAt = KpiQuery.parseInstant("--to", to);
                KpiQuery.Group groupBy = KpiQuery.Group.of("--group", group);
                csv = csv(format);
                query = KpiQuery.withDefaults(fromAt, toAt, groupBy, Instant.now());
            } catch (IllegalArgumentException e) {
                // picocli prints the message and the usage; exit code 2
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            LoadedConfig config = common.load();   // problems: exit 2, printed by Main
            KpiReport report;
            try (Database db = CommonOptions.openStore(config)) {
                report = new KpiStore(db).report(query);
            }
            print(spec, csv ? report.toCsv() : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return Main.OK;
        }
    }

    /** {@code report attribution}: leads and revenue per touch dimension (docs/attribution.md). */
    @Command(name = "attribution", mixinStandardHelpOptions = true,
            description = "Conversations, leads, hot leads, DM-to-lead rate, conversions and revenue per campaign, source,"
                    + " medium, post, ad, creator or reply template, under one attribution model.")
    static final class Attribution implements Callable<Integer> {
        @Mixin
        CommonOptions common = new CommonOptions();

        @Option(names = "--from", paramLabel = "ISO", description = "Start, inclusive (UTC). Default: --to minus 7 days.")
        String from;

        @Option(names = "--to", paramLabel = "ISO", description = "End, exclusive. Default: now.")
        String to;

        @Option(names = "--group", paramLabel = "campaign|source|medium|post|ad|creator|template", description = "Dimension (default campaign).")
        String group;

        @Option(names = "--model", paramLabel = "first|last|linear", description = "Attribution model (default first).")
        String model;

        @Option(names = "--format", paramLabel = "json|csv", description = "json (default) or csv.")
        String format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            dev.socialbridge.people.AttributionQuery query;
            boolean csv;
            try {
                Instant fromAt = KpiQuery.parseInstant("--from", from);
                Instant toAt = KpiQuery.parseInstant("--to", to);
                var g = dev.socialbridge.people.AttributionQuery.Group.of("--group", group);
                var m = dev.socialbridge.people.AttributionQuery.Model.of("--model", model);
                csv = csv(format);
                query = dev.socialbridge.people.AttributionQuery.withDefaults(fromAt, toAt, g, m, Instant.now());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            LoadedConfig config = common.load();
            dev.socialbridge.people.AttributionReport report;
            try (Database db = CommonOptions.openStore(config)) {
                report = new dev.socialbridge.people.AttributionReportStore(db).report(query);
            }
            print(spec, csv ? report.toCsv() : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return Main.OK;
        }
    }

    /** Whether {@code --format} asks for CSV (json when absent); anything else names the option and value. */
    private static boolean csv(String format) {
        String f = format == null ? "json" : format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("csv")) {
            throw new IllegalArgumentException("--format: '" + format + "' is not one of json, csv");
        }
        return f.equals("csv");
    }

    /** A report on standard output, ending with a line break. */
    private static void print(CommandLine.Model.CommandSpec spec, String report) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.endsWith("\n") ? report : report + System.lineSeparator());
        out.flush();
    }
}

package dev.socialbridge.app;

import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostProblem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code verify}: checks configuration, host connectivity, credentials, rights and provisioned objects. */
@Command(name = "verify", description = "Check config, host connectivity, credentials, rights and that the descriptor is installed; exit 1 on any problem.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> configProblems = new ArrayList<>();
        LoadedConfig config = common.load();   // bad config: exit 2 via Main
        Components.HostSetup setup = Components.prepare(config, configProblems);
        Descriptor descriptor = setup.descriptor();
        configProblems.addAll(ServeRequirements.check(config));
        dev.socialbridge.connector.Connectors connectors = ServeRequirements.connectors(config, configProblems);
        if (connectors != null) {
            connectors.close();
        }
        configProblems.addAll(Automation.problems(config));
        AttributionSetup.signals(config.typed(), configProblems);
        LinksSetup.check(config.typed(), descriptor, configProblems);
        dev.socialbridge.sla.SlaPolicy sla = Components.slaPolicy(config.typed(), configProblems);
        if (!configProblems.isEmpty()) {
            return ConfigReport.print(err, configProblems);
        }
        List<HostProblem> problems = new ArrayList<>();
        try (HostAdapter host = setup.host()) {
            problems.addAll(host.verify(descriptor));
        }
        problems.addAll(ServeRequirements.storeProblems(config));
        List<HostProblem> warnings = problems.stream().filter(HostProblem::warning).toList();
        problems.removeAll(warnings);
        if (problems.isEmpty()) {
            out.println("OK: configuration valid, host reachable with working credentials, descriptor installed ("
                    + descriptor.queues().size() + " queues, " + descriptor.fields().size() + " fields).");
            SlaMatrixPrinter.print(out, sla, descriptor);
            print(out, "warning(s), which do not fail verify", warnings);
            return Main.OK;
        }
        print(err, "problem(s)", problems);
        print(err, "warning(s)", warnings);
        return Main.FAILURE;
    }

    private static void print(PrintWriter to, String what, List<HostProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        to.println("social-bridge verify: " + problems.size() + " " + what + ":");
        for (HostProblem p : problems) {
            to.println("  - " + p.subject() + ": " + p.message());
            to.println("      fix: " + p.fixHint());
        }
    }
}

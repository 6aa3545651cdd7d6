package dev.socialbridge.app;

import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostException;
import dev.socialbridge.host.spi.ProvisioningPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code install [--dry-run]}: creates in the host what the descriptor needs and is missing. */
@Command(name = "install", description = "Create the descriptor's queues and custom fields in the host (idempotent; never deletes).")
final class InstallCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--dry-run", description = "Print the plan (create / already present / conflicting) and change nothing.")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        LoadedConfig config = common.load();   // bad config: exit 2 via Main
        Components.HostSetup setup = Components.prepare(config, problems);
        dev.socialbridge.sla.SlaPolicy sla = Components.slaPolicy(config.typed(), problems);
        if (!problems.isEmpty()) {
            return ConfigReport.print(err, problems);
        }
        Descriptor descriptor = setup.descriptor();
        if (dryRun) {
            SlaMatrixPrinter.print(out, sla, descriptor);
        }
        try (HostAdapter host = setup.host()) {
            ProvisioningPlan plan = dryRun ? host.plan(descriptor) : host.install(descriptor);
            PlanPrinter.print(out, plan, dryRun);
            return plan.count(ProvisioningPlan.Status.CONFLICT) > 0 ? Main.FAILURE : Main.OK;
        } catch (HostException e) {
            err.println("social-bridge install: " + e.getMessage());
            return Main.FAILURE;
        }
    }
}

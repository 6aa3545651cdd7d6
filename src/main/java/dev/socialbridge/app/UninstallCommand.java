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

/**
 * {@code uninstall [--dry-run]}: removes what install added to the host's workplace (RT: field groupings, priority
 * names, the callback collapsing the technical box, the role groups' rights, saved searches and dashboards); tickets,
 * queues, fields and their values stay.
 */
@Command(name = "uninstall", description = "Remove what install added to the host's workplace for the social queues"
        + " (field groupings, priority names, collapsed boxes, role groups' rights, saved searches and dashboards); tickets, queues, custom fields and their values stay."
        + " Idempotent; install puts it back.")
final class UninstallCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--dry-run", description = "Print what would be removed and change nothing.")
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
        if (!problems.isEmpty()) {
            return ConfigReport.print(err, problems);
        }
        Descriptor descriptor = setup.descriptor();
        try (HostAdapter host = setup.host()) {
            ProvisioningPlan plan = dryRun ? host.uninstallPlan(descriptor) : host.uninstall(descriptor);
            PlanPrinter.printRemoval(out, plan, dryRun);
            return plan.count(ProvisioningPlan.Status.CONFLICT) > 0 ? Main.FAILURE : Main.OK;
        } catch (HostException e) {
            err.println("social-bridge uninstall: " + e.getMessage());
            return Main.FAILURE;
        }
    }
}

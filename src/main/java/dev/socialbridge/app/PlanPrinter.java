package dev.socialbridge.app;

import dev.socialbridge.host.spi.ProvisioningPlan;
import java.io.PrintWriter;

/** Prints a provisioning plan as an aligned table plus a summary line. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static void print(PrintWriter out, ProvisioningPlan plan, boolean dryRun) {
        out.println(dryRun ? "Install plan (dry run, nothing changed):" : "Install result:");
        steps(out, plan, dryRun);
        out.printf("%d to create, %d created, %d already present, %d conflicting%n",
                plan.count(ProvisioningPlan.Status.CREATE), plan.count(ProvisioningPlan.Status.CREATED),
                plan.count(ProvisioningPlan.Status.PRESENT), plan.count(ProvisioningPlan.Status.CONFLICT));
        out.flush();
    }

    /** An uninstall: what was (or would be) removed, what was not there, what could not be removed. */
    static void printRemoval(PrintWriter out, ProvisioningPlan plan, boolean dryRun) {
        out.println(dryRun ? "Uninstall plan (dry run, nothing changed):" : "Uninstall result:");
        steps(out, plan, dryRun);
        out.printf("%d to remove, %d removed, %d not present, %d failed%n",
                plan.count(ProvisioningPlan.Status.REMOVE), plan.count(ProvisioningPlan.Status.REMOVED),
                plan.count(ProvisioningPlan.Status.ABSENT), plan.count(ProvisioningPlan.Status.CONFLICT));
        out.println("Tickets, queues, custom fields and their values are left as they are; install puts the rest back.");
        out.flush();
    }

    private static void steps(PrintWriter out, ProvisioningPlan plan, boolean dryRun) {
        for (ProvisioningPlan.Step s : plan.steps()) {
            out.printf("  %-10s %-17s %-28s %s%s%n", label(s.status(), dryRun), s.kind(), s.key(), s.label(),
                    s.detail() == null || s.detail().isBlank() ? "" : "  -- " + s.detail());
        }
    }

    private static String label(ProvisioningPlan.Status s, boolean dryRun) {
        return switch (s) {
            case CREATE -> "create";
            case CREATED -> "created";
            case PRESENT -> "present";
            case CONFLICT -> "CONFLICT";
            case REMOVE -> "remove";
            case REMOVED -> "removed";
            case ABSENT -> "absent";
        };
    }
}

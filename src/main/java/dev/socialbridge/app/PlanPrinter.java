package dev.socialbridge.app;

import dev.socialbridge.host.spi.ProvisioningPlan;
import java.io.PrintWriter;

/** Prints a provisioning plan as an aligned table plus a summary line. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static void print(PrintWriter out, ProvisioningPlan plan, boolean dryRun) {
        out.println(dryRun ? "Install plan (dry run, nothing changed):" : "Install result:");
        for (ProvisioningPlan.Step s : plan.steps()) {
            out.printf("  %-10s %-17s %-28s %s%s%n", label(s.status(), dryRun), s.kind(), s.key(), s.label(),
                    s.detail() == null || s.detail().isBlank() ? "" : "  -- " + s.detail());
        }
        out.printf("%d to create, %d created, %d already present, %d conflicting%n",
                plan.count(ProvisioningPlan.Status.CREATE), plan.count(ProvisioningPlan.Status.CREATED),
                plan.count(ProvisioningPlan.Status.PRESENT), plan.count(ProvisioningPlan.Status.CONFLICT));
        out.flush();
    }

    private static String label(ProvisioningPlan.Status s, boolean dryRun) {
        return switch (s) {
            case CREATE -> "create";
            case CREATED -> "created";
            case PRESENT -> "present";
            case CONFLICT -> "CONFLICT";
        };
    }
}

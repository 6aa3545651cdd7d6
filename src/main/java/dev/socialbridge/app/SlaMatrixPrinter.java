package dev.socialbridge.app;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.sla.SlaPolicy;
import java.io.PrintWriter;

/** Prints the effective SLA matrix (each queue's class, the calendar, warnings and pauses) for verify and dry runs. */
final class SlaMatrixPrinter {
    private SlaMatrixPrinter() {
    }

    static void print(PrintWriter out, SlaPolicy policy, Descriptor descriptor) {
        out.println("SLA matrix (rules route intents to queues; each queue has its class):");
        policy.describe(descriptor).forEach(line -> out.println("  " + line));
        out.println("  " + policy.settingsLine());
    }
}

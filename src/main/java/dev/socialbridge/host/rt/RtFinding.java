package dev.socialbridge.host.rt;

import dev.socialbridge.host.spi.HostProblem;
import dev.socialbridge.host.spi.ProvisioningPlan.Status;
import dev.socialbridge.host.spi.ProvisioningPlan.Step;

/**
 * One provisioning step and, unless the object is in place, the problem {@code verify} reports for it.
 *
 * @param step    what was found or done
 * @param problem null when the step is PRESENT or CREATED
 */
record RtFinding(Step step, HostProblem problem) {

    static RtFinding present(String kind, String key, String label, String detail) {
        return new RtFinding(new Step(kind, key, label, Status.PRESENT, detail), null);
    }

    static RtFinding created(String kind, String key, String label, String detail) {
        return new RtFinding(new Step(kind, key, label, Status.CREATED, detail), null);
    }

    /** Dry run: install would create or apply it; until then it is missing. */
    static RtFinding toCreate(String kind, String key, String label, String detail, String missing) {
        return new RtFinding(new Step(kind, key, label, Status.CREATE, detail),
                new HostProblem(subject(kind, label), missing, "run the Social Bridge install"));
    }

    /** Something install must not or cannot fix by itself; {@code detail} tells the admin what to do. */
    static RtFinding conflict(String kind, String key, String label, String detail, String message, String fixHint) {
        return new RtFinding(new Step(kind, key, label, Status.CONFLICT, detail),
                new HostProblem(subject(kind, label), message, fixHint));
    }

    /** Uninstall: removed now. */
    static RtFinding removed(String kind, String key, String label, String detail) {
        return new RtFinding(new Step(kind, key, label, Status.REMOVED, detail), null);
    }

    /** Uninstall dry run: would be removed. */
    static RtFinding toRemove(String kind, String key, String label, String detail) {
        return new RtFinding(new Step(kind, key, label, Status.REMOVE, detail), null);
    }

    /** Uninstall: nothing of it in the host. */
    static RtFinding absent(String kind, String key, String label, String detail) {
        return new RtFinding(new Step(kind, key, label, Status.ABSENT, detail), null);
    }

    private static String subject(String kind, String label) {
        return kind + " '" + label + "'";
    }
}

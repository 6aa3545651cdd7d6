package dev.socialbridge.host.spi;

import java.util.List;

/**
 * What provisioning found and did, one step per descriptor object (queue, field, field value,
 * field application); for an uninstall, one step per part of the host's workplace it removes.
 */
public record ProvisioningPlan(List<Step> steps) {

    /**
     * Status of one object. Install: CREATE (dry run), CREATED, PRESENT; uninstall: REMOVE (dry run), REMOVED,
     * ABSENT (nothing to remove); both: CONFLICT (could not be done, see the detail).
     */
    public enum Status { CREATE, CREATED, PRESENT, CONFLICT, REMOVE, REMOVED, ABSENT }

    /**
     * @param kind   queue | ticket-field | user-field | transaction-field | field-value | workplace ...
     * @param key    descriptor key of the object
     * @param label  name shown in the host
     * @param status what was found or done
     * @param detail extra detail (conflict reason, host id...)
     */
    public record Step(String kind, String key, String label, Status status, String detail) { }

    public long count(Status status) {
        return steps.stream().filter(s -> s.status() == status).count();
    }
}

package dev.socialbridge.bench;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.host.spi.ContactUpsert;
import dev.socialbridge.host.spi.HostAdapter;
import dev.socialbridge.host.spi.HostAttachment;
import dev.socialbridge.host.spi.HostEvents;
import dev.socialbridge.host.spi.HostHealth;
import dev.socialbridge.host.spi.HostProblem;
import dev.socialbridge.host.spi.ProvisioningPlan;
import dev.socialbridge.host.spi.TicketRef;
import dev.socialbridge.host.spi.TicketRequest;
import dev.socialbridge.host.spi.TicketUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A host that keeps tickets in memory and answers at once: the stub host of the fuzz harness and the pipeline
 * benchmarks (host type {@code memory}, test scope only). What it received is shared by every instance of the process.
 */
public final class MemoryHost implements HostAdapter {
    /** Tickets by thread key. */
    public static final Map<String, TicketRef> TICKETS = new ConcurrentHashMap<>();
    /** Customer messages appended (ticket creations excluded). */
    public static final AtomicLong APPENDED = new AtomicLong();
    /** Ticket updates and notes. */
    public static final AtomicLong UPDATES = new AtomicLong();
    /** Subjects of created tickets by thread key. */
    public static final Map<String, String> SUBJECTS = new ConcurrentHashMap<>();
    /** The latest name (else username) each contact was given, by {@code platform:userId}. */
    public static final Map<String, String> CONTACT_NAMES = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public ProvisioningPlan plan(Descriptor descriptor) {
        return new ProvisioningPlan(List.of());
    }

    @Override
    public ProvisioningPlan install(Descriptor descriptor) {
        return plan(descriptor);
    }

    @Override
    public List<HostProblem> verify(Descriptor descriptor) {
        return List.of();
    }

    @Override
    public HostHealth health() {
        return new HostHealth(true, "memory");
    }

    @Override
    public String upsertContact(ContactUpsert contact) {
        String name = contact.displayName() != null ? contact.displayName() : contact.handle();
        if (name != null) {
            CONTACT_NAMES.put(contact.platform() + ":" + contact.userId(), name);
        }
        return contact.platform() + ":" + contact.userId();
    }

    @Override
    public Optional<TicketRef> findTicketByThread(String threadKey) {
        return Optional.ofNullable(TICKETS.get(threadKey));
    }

    @Override
    public TicketRef createTicket(TicketRequest request) {
        String threadKey = request.fields().get("thread_key");
        if (threadKey != null) {
            SUBJECTS.putIfAbsent(threadKey, request.subject());
        }
        return TICKETS.computeIfAbsent(threadKey != null ? threadKey : "none-" + IDS.incrementAndGet(),
                k -> new TicketRef(Long.toString(IDS.incrementAndGet()), null));
    }

    @Override
    public void appendCustomerMessage(TicketRef ticket, String messageId, String text, List<HostAttachment> attachments) {
        APPENDED.incrementAndGet();
    }

    @Override
    public void recordAutomatedReply(TicketRef ticket, String messageId, String text) {
        UPDATES.incrementAndGet();
    }

    @Override
    public void addNote(TicketRef ticket, String text) {
        UPDATES.incrementAndGet();
    }

    @Override
    public void updateTicket(TicketRef ticket, TicketUpdate update) {
        UPDATES.incrementAndGet();
    }

    @Override
    public List<TicketRef> findTicketsByField(String fieldKey, String value, int limit) {
        return List.of();
    }

    @Override
    public HostEvents eventsAfter(long position, int limit) {
        return new HostEvents(List.of(), position);
    }

    @Override
    public long latestPosition() {
        return 0;
    }

    @Override
    public Map<String, String> readFields(TicketRef ticket) {
        return Map.of();
    }
}

package dev.socialbridge.owners;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.HostAdapter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a ticket goes to, by its queue's owner policy ({@link QueueDef.Owner}): nobody, always one login, or the
 * next in turn among a host group's enabled members (read from the host at each turn, so that people who join or
 * leave the group are counted from the next ticket) or among the listed logins. The turns are kept in the store
 * ({@link OwnerRotationStore}). A round-robin without any candidate gives nobody, and says so in the log once until
 * candidates come back.
 */
public final class TicketOwners {
    private static final Logger LOG = LoggerFactory.getLogger(TicketOwners.class);

    private final Descriptor descriptor;
    private final HostAdapter host;
    private final OwnerRotationStore rotation;
    /** Queues whose round-robin had no candidate at the last turn (warned once). */
    private final Set<String> withoutCandidates = ConcurrentHashMap.newKeySet();

    public TicketOwners(Descriptor descriptor, HostAdapter host, OwnerRotationStore rotation) {
        this.descriptor = descriptor;
        this.host = host;
        this.rotation = rotation;
    }

    /** Whether tickets of the queue get an owner at all (without taking a turn). */
    public boolean assigns(String queueKey) {
        return policy(queueKey).assigns();
    }

    /**
     * The login a ticket of {@code queueKey} goes to now, taking a round-robin turn; empty: nobody. Call it only for a
     * ticket that will be given (a new ticket, an unowned one), so that no turn is lost.
     *
     * @throws dev.socialbridge.host.spi.HostException when the host cannot list the group's members
     */
    public Optional<String> ownerFor(String queueKey) {
        QueueDef.Owner owner = policy(queueKey);
        return switch (owner.policy()) {
            case QueueDef.Owner.USER -> Optional.of(owner.user());
            case QueueDef.Owner.ROUND_ROBIN -> nextTurn(queueKey, owner);
            default -> Optional.empty();
        };
    }

    private Optional<String> nextTurn(String queueKey, QueueDef.Owner owner) {
        List<String> candidates = owner.group() != null ? host.groupMembers(owner.group()) : owner.users();
        Optional<String> next = rotation.nextTurn(queueKey, candidates);
        if (next.isEmpty()) {
            if (withoutCandidates.add(queueKey)) {
                LOG.warn("queue {}: no one to give tickets to ({}: {}); its tickets stay unowned until there is",
                        queueKey, owner.describe(), owner.group() != null
                                ? "the group does not exist in the host or has no enabled member" : "no login listed");
            }
        } else if (withoutCandidates.remove(queueKey)) {
            LOG.info("queue {}: tickets are given again ({})", queueKey, owner.describe());
        }
        return next;
    }

    private QueueDef.Owner policy(String queueKey) {
        return queueKey == null ? QueueDef.Owner.NOBODY
                : descriptor.queue(queueKey).map(QueueDef::owner).orElse(QueueDef.Owner.NOBODY);
    }
}

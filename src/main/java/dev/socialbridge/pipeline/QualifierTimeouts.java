package dev.socialbridge.pipeline;

import dev.socialbridge.store.Database;
import dev.socialbridge.support.BackgroundWorker;
import java.time.Clock;
import java.time.Duration;

/**
 * Closes the qualifier flows whose question went unanswered for {@code socialbridge.leads.qualifier-timeout}, each
 * with a note on the lead's ticket; runs every {@code interval}.
 */
public final class QualifierTimeouts extends BackgroundWorker {
    private final Database db;
    private final QualifierConversation qualifier;
    private final Clock clock;
    private final Runnable onEnqueued;

    public QualifierTimeouts(Database db, QualifierConversation qualifier, Duration interval, Clock clock,
                             Runnable onEnqueued) {
        super("qualifier-timeouts", interval.toMillis());
        this.db = db;
        this.qualifier = qualifier;
        this.clock = clock;
        this.onEnqueued = onEnqueued;
    }

    public QualifierTimeouts start() {
        startWorker();
        return this;
    }

    @Override
    protected boolean runOnce() {
        int closed = db.inTransaction(c -> qualifier.expire(c, clock.instant()));
        if (closed > 0) {
            onEnqueued.run();
        }
        return closed >= 100;
    }
}

package dev.socialbridge.learning;

import dev.socialbridge.host.spi.HostEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what agents do in the host into labelled examples: a changed intent or sentiment labels the thread's latest
 * classified message with the agent's value; an unhide says the hidden comment was not what the model hid it for.
 * Runs in the host watcher's store transaction, so a correction is recorded exactly once with the cursor.
 */
public final class CorrectionRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(CorrectionRecorder.class);

    private final CorrectionStore corrections;
    private final ClassifiedMessages messages;

    public CorrectionRecorder(CorrectionStore corrections, ClassifiedMessages messages) {
        this.corrections = corrections;
        this.messages = messages;
    }

    /** Records an agent's change of the intent or sentiment; false when there is nothing to learn from. */
    public boolean labelChanged(Connection c, HostEvent.LabelCorrected e, String thread) throws SQLException {
        String value = e.newValue() == null ? "" : e.newValue().strip();
        if (value.isEmpty() || value.equals(e.oldValue())) {
            return false;   // cleared or unchanged: no label
        }
        Optional<ClassifiedMessages.Classified> m = messages.latest(c, thread);
        if (m.isEmpty()) {
            LOG.info("{} changed the {} of thread {} to '{}', but its message is no longer stored: not learnt",
                    e.author(), e.field(), thread, value);
            return false;
        }
        String old = CorrectionStore.INTENT.equals(e.field()) ? m.get().intent() : m.get().sentiment();
        return corrections.record(c, new CorrectionStore.Correction(0, CorrectionStore.FROM_AGENT, e.position(), thread,
                m.get().text(), m.get().lang(), e.field(), old, value, e.author(), m.get().modelVersion(), e.at()));
    }

    /** Records an agent's unhide of the thread's comment: the label automation hid it for was wrong. */
    public boolean unhidden(Connection c, HostEvent.ModerationRequested r, String thread) throws SQLException {
        Optional<ClassifiedMessages.Classified> m = messages.latest(c, thread);
        if (m.isEmpty()) {
            return false;
        }
        return corrections.record(c, new CorrectionStore.Correction(0, CorrectionStore.FROM_AGENT, r.position(), thread,
                m.get().text(), m.get().lang(), CorrectionStore.UNHIDE, m.get().intent(), null, r.author(),
                m.get().modelVersion(), r.at()));
    }
}

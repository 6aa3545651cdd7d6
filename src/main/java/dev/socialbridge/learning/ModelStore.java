package dev.socialbridge.learning;

import dev.socialbridge.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The installation's intent models, in the store so that every instance uses the same one: at most one
 * {@code current}, the one it replaced kept as {@code previous} for {@link #rollback}, older ones {@code retired},
 * and trained models that were not better kept as {@code rejected} (their scores only, not their bytes).
 */
public final class ModelStore {
    public static final String CURRENT = "current";
    public static final String PREVIOUS = "previous";
    public static final String RETIRED = "retired";
    public static final String REJECTED = "rejected";

    private final Database db;

    public ModelStore(Database db) {
        this.db = db;
    }

    /** A model and what it was trained on; {@code scoreCurrent} and {@code scoreModel} are {@link Learner}'s. */
    public record ModelInfo(String version, String state, Instant createdAt, int trainedRows, int corrections,
                            Double scoreCurrent, Double scoreModel, String note) { }

    /** A stored model with its bytes. */
    public record StoredModel(ModelInfo info, byte[] model) {
        public String version() {
            return info.version();
        }

        @Override
        public String toString() {
            return "StoredModel[" + info + ", " + model.length + " bytes]";
        }
    }

    /** The name of the current model, if the installation has one (else the shipped one is used). */
    public Optional<String> currentVersion() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM classifier_model WHERE state = ?")) {
                ps.setString(1, CURRENT);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public Optional<StoredModel> current() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", model FROM classifier_model WHERE state = ?")) {
                ps.setString(1, CURRENT);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredModel(info(rs), rs.getBytes("model"))) : Optional.empty();
                }
            }
        });
    }

    /** Every model trained for this installation, newest first. */
    public List<ModelInfo> list() {
        return db.inTransaction(c -> {
            List<ModelInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM classifier_model"
                    + " ORDER BY created_at DESC, version DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(info(rs));
                }
            }
            return out;
        });
    }

    /** The number the next trained model gets in its name. */
    public int nextNumber() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM classifier_model");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) + 1;
            }
        });
    }

    /** Makes {@code model} current; the current one becomes previous, the previous one retired. */
    public void adopt(ModelInfo info, byte[] model) {
        db.inTransaction(c -> {
            setState(c, PREVIOUS, RETIRED);
            setState(c, CURRENT, PREVIOUS);
            insert(c, info, CURRENT, model);
            return null;
        });
    }

    /** Records a trained model that was not better than the current one (scores kept, bytes dropped). */
    public void reject(ModelInfo info) {
        db.inTransaction(c -> {
            insert(c, info, REJECTED, new byte[0]);
            return null;
        });
    }

    /**
     * Goes back to the previous model: the current one is retired, the previous one becomes current; without a
     * previous one the installation goes back to the shipped model.
     *
     * @return the name of the model in use afterwards, empty for the shipped one; empty optional also when there was
     *         nothing to roll back (see {@link #currentVersion()} before calling)
     */
    public Optional<String> rollback() {
        return db.inTransaction(c -> {
            setState(c, CURRENT, RETIRED);
            setState(c, PREVIOUS, CURRENT);
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM classifier_model WHERE state = ?")) {
                ps.setString(1, CURRENT);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private static final String COLUMNS =
            "version, state, created_at, trained_rows, corrections, score_current, score_model, note";

    private static ModelInfo info(ResultSet rs) throws SQLException {
        return new ModelInfo(rs.getString("version"), rs.getString("state"), Database.instant(rs.getTimestamp("created_at")),
                rs.getInt("trained_rows"), rs.getInt("corrections"), nullable(rs, "score_current"),
                nullable(rs, "score_model"), rs.getString("note"));
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void setState(Connection c, String from, String to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE classifier_model SET state = ? WHERE state = ?")) {
            ps.setString(1, to);
            ps.setString(2, from);
            ps.executeUpdate();
        }
    }

    private static void insert(Connection c, ModelInfo i, String state, byte[] model) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO classifier_model (version, state, created_at, model,"
                + " trained_rows, corrections, score_current, score_model, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, i.version());
            ps.setString(2, state);
            ps.setTimestamp(3, Database.ts(i.createdAt()));
            ps.setBytes(4, model);
            ps.setInt(5, i.trainedRows());
            ps.setInt(6, i.corrections());
            ps.setObject(7, i.scoreCurrent());
            ps.setObject(8, i.scoreModel());
            ps.setString(9, i.note() == null ? null : i.note().substring(0, Math.min(1000, i.note().length())));
            ps.executeUpdate();
        }
    }
}

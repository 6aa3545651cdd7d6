package dev.socialbridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A batch commits its units together; a unit that fails undoes only its own writes. */
class DatabaseBatchTest {
    private Database db;

    @BeforeEach
    void open() {
        db = TestStores.open("batch");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void lease(String name) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO work_lease (name, holder, expires_at, acquired_at) VALUES (?, 'x', ?, ?)")) {
                ps.setString(1, name);
                ps.setTimestamp(2, Database.ts(Instant.now()));
                ps.setTimestamp(3, Database.ts(Instant.now()));
                return ps.executeUpdate();
            }
        });
    }

    private List<String> names() {
        return db.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM work_lease ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Test
    void aFailingUnitUndoesOnlyItsWritesAndTheOthersCommitWithTheBatch() {
        db.inBatch(c -> {
            lease("a");
            assertThrows(StoreException.class, () -> db.inTransaction(inner -> {
                lease("b");
                lease("a");   // duplicate key: this unit fails, b with it
                return null;
            }));
            assertThrows(IllegalStateException.class, () -> db.inTransaction(inner -> {
                lease("c");
                throw new IllegalStateException("processing failed");
            }));
            lease("d");
            return null;
        });
        assertEquals(List.of("a", "d"), names());
    }

    @Test
    void aBatchThatFailsLeavesNothing() {
        assertThrows(IllegalStateException.class, () -> db.inBatch(c -> {
            lease("a");
            lease("b");
            throw new IllegalStateException("connection lost");
        }));
        assertEquals(List.of(), names());
    }

    @Test
    void outsideABatchEachTransactionCommitsOnItsOwn() {
        lease("a");
        assertThrows(StoreException.class, () -> lease("a"));
        assertEquals(List.of("a"), names());
    }

    @Test
    void conflictsWithConcurrentTransactionsAreTransientAndAConstraintViolationIsNot() {
        for (String state : List.of("40001", "40P01", "55P03", "90131", "HYT00")) {
            org.junit.jupiter.api.Assertions.assertTrue(Database.isTransientConflict(
                    new StoreException(new java.sql.SQLException("conflict", state))), state);
        }
        org.junit.jupiter.api.Assertions.assertFalse(Database.isTransientConflict(
                new StoreException(new java.sql.SQLException("duplicate", "23505"))));
        org.junit.jupiter.api.Assertions.assertFalse(Database.isTransientConflict(new IllegalStateException("bug")));
    }
}

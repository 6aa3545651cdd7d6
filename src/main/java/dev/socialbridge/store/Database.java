package dev.socialbridge.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The operational store: a pooled JDBC data source (embedded H2 by default, PostgreSQL in
 * production) whose schema is migrated by Flyway on open. SQL in this code base is portable
 * between the two; nothing H2-only.
 */
public final class Database implements AutoCloseable {
    /** The connection of the batch under way on this thread ({@link #inBatch(SqlWork)}). */
    private final ThreadLocal<Connection> batch = new ThreadLocal<>();

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens the pool and migrates the schema. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        if (user != null) {
            hc.setUsername(user);
        }
        if (password != null) {
            hc.setPassword(password);
        }
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(1);
        hc.setPoolName("socialbridge-store");
        hc.setAutoCommit(true);
        hc.setInitializationFailTimeout(10_000);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Runs {@code work} in one transaction, committing on success and rolling back on any failure. Inside
     * {@link #inBatch(SqlWork)} on the same thread it runs in the batch's transaction instead, under a savepoint: its
     * failure undoes only its own writes, and it commits with the batch.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        return transaction(work, false);
    }

    /**
     * Runs {@code work} in one transaction that the {@link #inTransaction(SqlWork)} calls it makes on this thread join
     * (each under a savepoint), so that many small units of work pay for one commit. Nothing is visible to others
     * before the batch commits; if the commit fails, no unit of the batch happened.
     */
    public <T> T inBatch(SqlWork<T> work) {
        return transaction(work, true);
    }

    /** A transaction of its own, or a savepoint in this thread's batch; {@code opensBatch}: later ones join it. */
    private <T> T transaction(SqlWork<T> work, boolean opensBatch) {
        Connection joined = batch.get();
        if (joined != null) {
            return nested(joined, work);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (opensBatch) {
                batch.set(c);
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                if (opensBatch) {
                    batch.remove();
                }
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private <T> T nested(Connection c, SqlWork<T> work) {
        Savepoint sp;
        try {
            sp = c.setSavepoint();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        try {
            T result = work.run(c);
            c.releaseSavepoint(sp);
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback(sp);
            } catch (SQLException inner) {
                e.addSuppressed(inner);
            }
            if (e instanceof SQLException sql) {
                throw new StoreException(sql);
            }
            throw (RuntimeException) e;
        }
    }

    /** True when the store answers a trivial query. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    public static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * True when {@code e} (or a cause) is a conflict with a concurrent transaction that a later attempt will not meet:
     * serialization failure or deadlock (40001, 40P01), PostgreSQL lock not available (55P03), H2's concurrent update
     * and lock timeout (90131, HYT00).
     */
    public static boolean isTransientConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException x = sql; x != null; x = x.getNextException()) {
                    if (TRANSIENT_STATES.contains(x.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final java.util.Set<String> TRANSIENT_STATES = java.util.Set.of("40001", "40P01", "55P03", "90131", "HYT00");

    /**
     * Runs {@code work} (an insert, typically) under a savepoint; a unique violation rolls back to it and gives empty,
     * so that the caller's transaction goes on: another transaction stored that key first.
     */
    public static <T> java.util.Optional<T> unlessDuplicate(Connection c, SqlWork<T> work) throws SQLException {
        Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            T result = work.run(c);
            if (sp != null) {
                c.releaseSavepoint(sp);
            }
            return java.util.Optional.ofNullable(result);
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            if (sp != null) {
                c.rollback(sp);
            }
            return java.util.Optional.empty();
        }
    }

    /** True for a unique-constraint violation, on H2 and PostgreSQL alike. */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}

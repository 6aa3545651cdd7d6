package dev.socialbridge.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The store a test runs on: an in-memory H2 database by default, or a fresh schema of the PostgreSQL server named by
 * {@value #PG_URL_ENV} (with {@value #PG_USER_ENV} and {@value #PG_PASSWORD_ENV}) when the system property
 * {@value #KIND_PROPERTY} is {@code postgresql}. The build runs the store, inbox, outbox and pipeline tests once per
 * kind ({@code scripts/test.sh} starts the PostgreSQL server with {@code scripts/pg-up.sh}).
 */
public final class TestStores {
    public static final String KIND_PROPERTY = "sbtest.store";
    public static final String PG_URL_ENV = "SOCIALBRIDGE_TEST_PG_URL";
    public static final String PG_USER_ENV = "SOCIALBRIDGE_TEST_PG_USER";
    public static final String PG_PASSWORD_ENV = "SOCIALBRIDGE_TEST_PG_PASSWORD";

    private TestStores() {
    }

    /** Whether this run's tests use PostgreSQL. */
    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty(KIND_PROPERTY, "h2"));
    }

    /**
     * Where a test's store lives: its JDBC URL and credentials (null for H2).
     *
     * @param url      the JDBC URL
     * @param user     the user, or null
     * @param password the password, or null (never logged)
     */
    public record Location(String url, String user, String password) {
        /** Opens (and migrates) the store here. */
        public Database open(int poolSize) {
            return Database.open(url, user, password, poolSize);
        }

        @Override
        public String toString() {
            return url;
        }
    }

    /** A new, empty, migrated store named after {@code name} (a test's own, never shared with another test). */
    public static Database open(String name, int poolSize) {
        return location(name, null).open(poolSize);
    }

    /**
     * A new, empty store location named after {@code name}: an H2 file database under {@code h2Dir} (in memory when
     * null), or a fresh PostgreSQL schema.
     */
    public static Location location(String name, java.nio.file.Path h2Dir) {
        String unique = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_" + System.nanoTime();
        if (!postgresql()) {
            return new Location(h2Dir != null ? "jdbc:h2:file:" + h2Dir.resolve("db") + ";AUTO_SERVER=TRUE"
                    : "jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1", null, null);
        }
        return postgresqlLocation(name).orElseThrow(() -> new IllegalStateException(KIND_PROPERTY
                + "=postgresql needs " + PG_URL_ENV + " (bash scripts/pg-up.sh; . /tmp/pg-test/env.sh; export "
                + PG_URL_ENV + "=$PG_JDBC_URL)"));
    }

    /**
     * A new, empty PostgreSQL schema named after {@code name}, whatever store this run's tests use; empty when no
     * PostgreSQL is configured ({@value #PG_URL_ENV}). For tests that need what only a server database gives, such as
     * several instances on one store.
     */
    public static java.util.Optional<Location> postgresqlLocation(String name) {
        String unique = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_" + System.nanoTime();
        String url = System.getenv(PG_URL_ENV);
        if (url == null || url.isBlank() || "none".equals(url)) {
            return java.util.Optional.empty();
        }
        String user = System.getenv(PG_USER_ENV);
        String password = System.getenv(PG_PASSWORD_ENV);
        String schema = "t_" + unique;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + url + ": " + e.getMessage(), e);
        }
        return java.util.Optional.of(new Location(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
                password));
    }

    /** {@link #open(String, int)} with a pool of two connections. */
    public static Database open(String name) {
        return open(name, 2);
    }
}

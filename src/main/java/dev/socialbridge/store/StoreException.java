package dev.socialbridge.store;

import java.sql.SQLException;

/** The operational store failed. */
public class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("store error: " + cause.getMessage(), cause);
    }
}

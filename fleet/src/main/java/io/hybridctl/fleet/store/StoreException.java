package io.hybridctl.fleet.store;

import java.sql.SQLException;

/** A database failure; unique-constraint violations are told apart so callers can answer 409. */
public final class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public boolean uniqueViolation() {
        SQLException e = (SQLException) getCause();
        String state = e.getSQLState();
        // 23505: PostgreSQL and H2 unique violation.
        return "23505".equals(state);
    }
}

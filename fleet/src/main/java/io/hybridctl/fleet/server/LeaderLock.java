package io.hybridctl.fleet.server;

import io.hybridctl.fleet.store.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Elects the replica that runs the periodic sweeps (health, operation leases). On PostgreSQL a session advisory lock
 * held on a dedicated connection: it is released when the holder dies, so another replica takes over. H2 is
 * embedded, hence single-replica, hence always the leader.
 */
final class LeaderLock implements AutoCloseable {

    private static final long LOCK_KEY = 0x6879627269646374L; // "hybridct"
    private final Database db;
    private Connection connection;
    private boolean held;

    LeaderLock(Database db) {
        this.db = db;
    }

    synchronized boolean isLeader() {
        if (!db.postgres()) {
            return true;
        }
        if (held && connectionAlive()) {
            return true;
        }
        held = false;
        try {
            if (connection == null || connection.isClosed()) {
                connection = db.dataSource().getConnection();
            }
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                held = rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            closeQuietly();
        }
        return held;
    }

    private boolean connectionAlive() {
        try {
            return connection != null && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // The lock dies with the session either way.
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
        held = false;
    }
}

package io.hybridctl.fleet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases the server tests run on: embedded H2 always, and PostgreSQL when reachable (started by
 * .ci/setup.d/fleet.sh). FLEET_TEST_PG overrides the URL; FLEET_TEST_PG_REQUIRED=1 turns "unreachable" into a failure.
 * Each PostgreSQL test gets its own schema so tests never see each other's rows.
 */
public final class TestDatabases {

    public static final String DEFAULT_PG = "jdbc:postgresql://127.0.0.1:5432/fleet_test?user=fleet_test&password=fleet_test";

    private TestDatabases() {
    }

    public static String pgBase() {
        String env = System.getenv("FLEET_TEST_PG");
        return env == null || env.isBlank() ? DEFAULT_PG : env;
    }

    public static boolean pgAvailable() {
        try (Connection c = DriverManager.getConnection(pgBase())) {
            return c.isValid(2);
        } catch (SQLException e) {
            if ("1".equals(System.getenv("FLEET_TEST_PG_REQUIRED"))) {
                throw new IllegalStateException("PostgreSQL required but unreachable at " + pgBase().replaceAll("password=[^&]*", "password=***"), e);
            }
            return false;
        }
    }

    /** "h2" and, when reachable, "postgresql". */
    public static List<String> kinds() {
        List<String> k = new ArrayList<>(List.of("h2"));
        if (pgAvailable()) {
            k.add("postgresql");
        }
        return k;
    }

    /** null for H2 (the server's default), or a JDBC URL pointing at a fresh PostgreSQL schema. */
    public static String urlFor(String kind) {
        if ("h2".equals(kind)) {
            return null;
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(pgBase()); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema", e);
        }
        return pgBase() + (pgBase().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}

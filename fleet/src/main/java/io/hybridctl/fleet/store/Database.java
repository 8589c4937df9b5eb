package io.hybridctl.fleet.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A pooled JDBC data source with the schema migrated by Flyway. H2 in a directory by default, PostgreSQL on request. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /**
     * @param db null for embedded H2 under dataDir; "postgresql://user:pass@host:port/db", or a jdbc: URL
     */
    public static Database open(String db, Path dataDir, int poolSize) {
        HikariConfig cfg = new HikariConfig();
        boolean pg;
        if (db == null || db.isBlank()) {
            cfg.setJdbcUrl("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("fleet") + ";MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE");
            pg = false;
        } else if (db.startsWith("jdbc:")) {
            cfg.setJdbcUrl(db);
            pg = db.startsWith("jdbc:postgresql:");
        } else if (db.startsWith("postgresql://") || db.startsWith("postgres://")) {
            URI uri = URI.create(db);
            String userInfo = uri.getRawUserInfo();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            cfg.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            if (userInfo != null) {
                String[] parts = userInfo.split(":", 2);
                cfg.setUsername(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
                if (parts.length == 2) {
                    cfg.setPassword(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                }
            }
            pg = true;
        } else {
            throw new IllegalArgumentException("--db must be postgresql://user:password@host:port/database or a jdbc: URL");
        }
        cfg.setMaximumPoolSize(poolSize);
        cfg.setPoolName("fleet");
        cfg.setAutoCommit(true);
        HikariDataSource ds = new HikariDataSource(cfg);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/fleet").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, pg);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean postgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

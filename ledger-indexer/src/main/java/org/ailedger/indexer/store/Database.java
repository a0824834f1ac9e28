package org.ailedger.indexer.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The open store: the schema migrated to the latest version, one pool with a single connection for
 * the one writer, and a pool of read connections. On SQLite the file runs in WAL mode, so readers
 * (the indexer's and an analyst's) never block the writer nor it them.
 *
 * <p>Every connection is handed out only off the Vert.x event loop: JDBC blocks.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final String MIGRATIONS = "classpath:db/migration";

  private final Engine engine;
  private final HikariDataSource writer;
  private final HikariDataSource readers;

  private Database(Engine engine, HikariDataSource writer, HikariDataSource readers) {
    this.engine = engine;
    this.writer = writer;
    this.readers = readers;
  }

  /** Opens the store, creating it or migrating its schema first. */
  public static Database open(StoreConfig config) {
    requireWorkerThread();
    StoreLocation location = config.location();
    DataSource plain = plainDataSource(location, config, false);
    migrate(location, plain);
    HikariDataSource writer = pool("indexer-writer", location, config, 1, false);
    try {
      HikariDataSource readers = pool("indexer-readers", location, config, config.readers(), true);
      return new Database(location.engine(), writer, readers);
    } catch (RuntimeException e) {
      writer.close();
      throw e;
    }
  }

  public Engine engine() {
    return engine;
  }

  /** The writer's connection, auto-commit off; the caller commits or rolls back and closes it. */
  Connection writeConnection() throws SQLException {
    requireWorkerThread();
    return writer.getConnection();
  }

  /** A read connection from the pool; the caller closes it. */
  Connection readConnection() throws SQLException {
    requireWorkerThread();
    return readers.getConnection();
  }

  @Override
  public void close() {
    readers.close();
    writer.close();
  }

  /** Refuses JDBC on a Vert.x event loop: a blocked loop stalls every request it serves. */
  static void requireWorkerThread() {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException(
          "JDBC on the Vert.x event loop " + Thread.currentThread().getName());
    }
  }

  private static void migrate(StoreLocation location, DataSource dataSource) {
    MigrateResult result =
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(dataSource)
            .locations(MIGRATIONS)
            .placeholders(Map.of("uint", location.engine().uintType()))
            .javaMigrations(new RadiusSummaryFill(location.engine()))
            .load()
            .migrate();
    LOG.info(
        "store {} at schema version {} ({} migration(s) applied)",
        location.describe(),
        result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
        result.migrationsExecuted);
  }

  private static HikariDataSource pool(
      String name, StoreLocation location, StoreConfig config, int size, boolean readOnly) {
    HikariConfig pool = new HikariConfig();
    pool.setPoolName(name);
    pool.setDataSource(plainDataSource(location, config, readOnly));
    pool.setMaximumPoolSize(size);
    pool.setMinimumIdle(1);
    pool.setAutoCommit(readOnly);
    pool.setConnectionTimeout(config.lockTimeout().toMillis());
    // for SQLite this must match SQLiteConfig's flag: its connections refuse to change it
    pool.setReadOnly(readOnly);
    return new HikariDataSource(pool);
  }

  private static DataSource plainDataSource(
      StoreLocation location, StoreConfig config, boolean readOnly) {
    return switch (location) {
      case StoreLocation.SqliteFile sqlite -> sqlite(sqlite.file(), config, readOnly);
      case StoreLocation.Postgres postgres -> {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl());
        // the writer's JDBC batches go as multi-row INSERTs: a round trip per many rows, not per
        // row
        dataSource.setReWriteBatchedInserts(true);
        if (postgres.user() != null) {
          dataSource.setUser(postgres.user());
        }
        if (postgres.password() != null) {
          dataSource.setPassword(postgres.password());
        }
        yield dataSource;
      }
    };
  }

  private static DataSource sqlite(Path file, StoreConfig config, boolean readOnly) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the directory of " + file, e);
    }
    SQLiteConfig sqlite = new SQLiteConfig();
    if (!readOnly) {
      // WAL is a property of the file, set by the writer; readers find it there
      sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
      // in WAL mode NORMAL keeps every commit atomic; a power cut may drop the last few, and the
      // cursor goes with them, so the next start reads those blocks again
      sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    }
    sqlite.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, config.lockTimeout().toMillis()));
    sqlite.setReadOnly(readOnly);
    SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }
}

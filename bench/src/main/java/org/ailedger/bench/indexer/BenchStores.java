package org.ailedger.bench.indexer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.ailedger.indexer.store.StoreLocation;

/**
 * Fresh, empty stores for benchmark runs: a new SQLite file in a directory, or a new database in a
 * PostgreSQL server the caller started for the benchmark (never a server holding anything else).
 *
 * @param sqliteDir where SQLite stores go, or null
 * @param postgres {@code postgresql://user@host:port/db} of a throwaway server, or null
 */
record BenchStores(Path sqliteDir, String postgres) {
  BenchStores {
    if ((sqliteDir == null) == (postgres == null)) {
      throw new IllegalArgumentException("name exactly one of --sqlite-dir and --postgres");
    }
  }

  String engine() {
    return sqliteDir != null ? "SQLite" : "PostgreSQL";
  }

  /** A new empty store named {@code name}. */
  StoreLocation fresh(String name) throws SQLException {
    if (sqliteDir != null) {
      return new StoreLocation.SqliteFile(sqliteDir.resolve(name).resolve("indexer.db"));
    }
    StoreLocation.Postgres server = (StoreLocation.Postgres) StoreLocation.parse(postgres, null);
    try (Connection admin =
            DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name);
      sql.execute("CREATE DATABASE " + name);
    }
    String url = server.jdbcUrl();
    return new StoreLocation.Postgres(
        url.substring(0, url.lastIndexOf('/') + 1) + name, server.user(), server.password());
  }
}

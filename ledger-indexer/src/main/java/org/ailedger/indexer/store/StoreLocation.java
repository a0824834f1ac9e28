package org.ailedger.indexer.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Where the store lives: an SQLite file (the embedded default) or a PostgreSQL database. */
public sealed interface StoreLocation {
  /** The file name of the embedded store inside the indexer's data directory. */
  String SQLITE_FILE = "indexer.db";

  Engine engine();

  /** A printable form without any password. */
  String describe();

  record SqliteFile(Path file) implements StoreLocation {
    public SqliteFile {
      if (file == null) {
        throw new IllegalArgumentException("an SQLite store needs a file");
      }
    }

    @Override
    public Engine engine() {
      return Engine.SQLITE;
    }

    @Override
    public String describe() {
      return "sqlite:" + file;
    }
  }

  record Postgres(String jdbcUrl, String user, String password) implements StoreLocation {
    public Postgres {
      if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
        throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
      }
    }

    @Override
    public Engine engine() {
      return Engine.POSTGRESQL;
    }

    @Override
    public String describe() {
      return jdbcUrl + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
      return "Postgres[" + describe() + "]";
    }
  }

  /**
   * The location a {@code --db} option names: absent or {@code sqlite} for the file in {@code
   * dataDir}, {@code sqlite:PATH} for another file, {@code postgresql://[user[:password]@]host[:
   * port]/database} for PostgreSQL.
   */
  static StoreLocation parse(String option, Path dataDir) {
    if (option == null || option.isBlank() || option.equals("sqlite")) {
      return new SqliteFile(dataDir.resolve(SQLITE_FILE));
    }
    if (option.startsWith("sqlite:")) {
      return new SqliteFile(Path.of(option.substring("sqlite:".length())));
    }
    if (option.startsWith("postgresql://") || option.startsWith("postgres://")) {
      URI uri = URI.create(option);
      if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
        throw new IllegalArgumentException(
            "a PostgreSQL location is postgresql://[user[:password]@]host[:port]/database");
      }
      String user = null;
      String password = null;
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
      }
      String jdbcUrl =
          "jdbc:postgresql://"
              + uri.getHost()
              + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
              + uri.getRawPath()
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      return new Postgres(jdbcUrl, user, password);
    }
    throw new IllegalArgumentException(
        "unknown store " + option + ": use sqlite, sqlite:PATH or postgresql://host/database");
  }
}

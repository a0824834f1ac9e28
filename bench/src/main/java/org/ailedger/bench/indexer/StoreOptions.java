package org.ailedger.bench.indexer;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where an indexer benchmark keeps its stores: SQLite files or a throwaway PostgreSQL server. */
final class StoreOptions {
  @Option(names = "--sqlite-dir", description = "Directory for the SQLite stores.")
  Path sqliteDir;

  @Option(
      names = "--postgres",
      description = "postgresql://user@host:port/db of a throwaway server.")
  String postgres;

  BenchStores stores() {
    return new BenchStores(sqliteDir, postgres);
  }
}

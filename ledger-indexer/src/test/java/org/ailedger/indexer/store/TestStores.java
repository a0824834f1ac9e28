package org.ailedger.indexer.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens a fresh store per test on either engine: an SQLite file in a temporary directory, or a new
 * database of one private PostgreSQL cluster started once for the whole test run and stopped at its
 * end. If PostgreSQL cannot be started the test fails when {@code CI=true} and is reported as
 * aborted (skipped, with the reason) on a developer's machine.
 */
public final class TestStores implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestStores.class);

  private final List<AutoCloseable> opened = new ArrayList<>();
  private ExtensionContext context;

  /** A fresh store on {@code engine}, closed after the test. */
  public Database open(Engine engine) throws Exception {
    return open(location(engine));
  }

  /** Opens (or reopens) the store at {@code location}, closed after the test. */
  public Database open(StoreLocation location) {
    Database database = Database.open(StoreConfig.of(location));
    opened.add(database);
    return database;
  }

  /** A fresh location on {@code engine}; the caller opens it (possibly several times). */
  public StoreLocation location(Engine engine) throws Exception {
    return switch (engine) {
      case SQLITE -> {
        Path dir = Files.createTempDirectory("ailedger-store-");
        opened.add(() -> deleteTree(dir));
        yield new StoreLocation.SqliteFile(dir.resolve(StoreLocation.SQLITE_FILE));
      }
      case POSTGRESQL -> cluster().freshDatabase();
    };
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    this.context = context;
  }

  private PostgresCluster cluster() {
    ExtensionContext root = context.getRoot();
    Object cluster =
        root.getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                PostgresCluster.class,
                key -> {
                  try {
                    return PostgresCluster.start();
                  } catch (Exception e) {
                    return new Unavailable(e);
                  }
                });
    if (cluster instanceof Unavailable unavailable) {
      String reason = "PostgreSQL could not be started: " + unavailable.cause().getMessage();
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(reason, unavailable.cause());
      }
      System.err.println("WARNING: " + reason + " (the PostgreSQL half of the tests is skipped)");
      Assumptions.abort(reason);
    }
    return (PostgresCluster) cluster;
  }

  private record Unavailable(Exception cause) {}

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    opened.clear();
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}

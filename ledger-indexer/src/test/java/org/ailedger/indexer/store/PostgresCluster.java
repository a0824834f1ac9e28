package org.ailedger.indexer.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private, throwaway PostgreSQL server for the tests: {@code initdb} into a fresh directory,
 * {@code pg_ctl start} on a free port of 127.0.0.1 with trust authentication, {@code pg_ctl stop -m
 * immediate} and the directory deleted at the end. Nothing of the machine's own clusters is
 * touched.
 *
 * <p>PostgreSQL refuses to run as root, so as root both commands run as the {@code postgres} system
 * user (which Debian's package creates) through {@code runuser}, on a directory under the system
 * temporary directory owned by that user. The binaries are found in {@code -Dailedger.pg.bin}, else
 * the newest {@code /usr/lib/postgresql/<version>/bin}, else on the PATH.
 */
final class PostgresCluster implements AutoCloseable {
  private static final String SUPERUSER = "ailedger";
  private static final long COMMAND_TIMEOUT_SECONDS = 60;

  private final Path binaries;
  private final Path dataDir;
  private final List<String> asUser;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresCluster(Path binaries, Path dataDir, List<String> asUser, int port) {
    this.binaries = binaries;
    this.dataDir = dataDir;
    this.asUser = asUser;
    this.port = port;
  }

  /** Creates and starts a cluster, or throws with what went wrong. */
  static PostgresCluster start() throws IOException, InterruptedException {
    Path binaries =
        binaries()
            .orElseThrow(
                () ->
                    new IOException(
                        "no PostgreSQL binaries (initdb, pg_ctl): install Debian's postgresql or"
                            + " pass -Dailedger.pg.bin=DIR"));
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dataDir;
    List<String> asUser;
    if (root) {
      dataDir = Files.createTempDirectory("ailedger-pg-");
      UserPrincipalLookupService users = dataDir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dataDir, users.lookupPrincipalByName("postgres"));
      asUser = List.of("runuser", "-u", "postgres", "--");
    } else {
      Path parent = Path.of(System.getProperty("ailedger.pg.dir", "target/postgresql"));
      Files.createDirectories(parent);
      dataDir = Files.createTempDirectory(parent.toAbsolutePath(), "cluster-");
      asUser = List.of();
    }
    int port = freePort();
    PostgresCluster cluster = new PostgresCluster(binaries, dataDir, asUser, port);
    try {
      cluster.run(
          "initdb",
          "-D",
          dataDir.toString(),
          "-U",
          SUPERUSER,
          "--auth=trust",
          "--encoding=UTF8",
          "--locale=C",
          "--no-sync");
      // durability settings off: a test cluster dies with its tests
      cluster.run(
          "pg_ctl",
          "-D",
          dataDir.toString(),
          "-l",
          dataDir.resolve("server.log").toString(),
          "-w",
          "-t",
          "60",
          "-o",
          "-p "
              + port
              // TCP only: a Unix socket path is limited to about 100 characters, and a deep
              // checkout's directory would exceed it
              + " -c unix_socket_directories= -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
              + " -c full_page_writes=off",
          "start");
    } catch (IOException | RuntimeException e) {
      cluster.deleteDir();
      throw e;
    }
    return cluster;
  }

  /** A new, empty database of this cluster. */
  StoreLocation.Postgres freshDatabase() throws SQLException {
    String name = "store_" + databases.incrementAndGet();
    try (Connection admin = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
        Statement create = admin.createStatement()) {
      create.execute("CREATE DATABASE " + name);
    }
    return new StoreLocation.Postgres(url(name), SUPERUSER, null);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public void close() throws IOException {
    try {
      run("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping PostgreSQL in " + dataDir, e);
    } finally {
      deleteDir();
    }
  }

  private void run(String command, String... arguments) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(asUser);
    line.add(binaries.resolve(command).toString());
    line.addAll(List.of(arguments));
    Path output = Files.createTempFile("ailedger-pg-" + command, ".log");
    try {
      Process process =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .directory(dataDir.getParent().toFile())
              .start();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command + " ran over " + COMMAND_TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Path serverLog = dataDir.resolve("server.log");
        if (Files.isReadable(serverLog)) {
          log += "\nserver.log:\n" + Files.readString(serverLog, StandardCharsets.UTF_8);
        }
        throw new IOException(
            String.join(" ", line) + " exited " + process.exitValue() + ":\n" + log);
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private void deleteDir() throws IOException {
    if (!Files.exists(dataDir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static Optional<Path> binaries() {
    String configured = System.getProperty("ailedger.pg.bin");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Optional<Path> newest =
            versions
                .filter(dir -> Files.isExecutable(dir.resolve("bin/initdb")))
                .max(Comparator.comparingInt(PostgresCluster::version))
                .map(dir -> dir.resolve("bin"));
        if (newest.isPresent()) {
          return newest;
        }
      } catch (IOException e) {
        // fall through to the PATH
      }
    }
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .filter(dir -> !dir.isBlank())
        .map(Path::of)
        .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
        .findFirst();
  }

  private static int version(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString().split("\\.")[0]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

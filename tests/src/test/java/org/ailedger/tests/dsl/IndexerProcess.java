package org.ailedger.tests.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ailedger indexer} as a real operating-system process, started the way an operator starts
 * it: the packaged command, a node's JSON-RPC URL, a data directory holding the SQLite store, the
 * REST API and Prometheus metrics on ports of its own. It can be killed, stopped and started again
 * on the same data directory, against the same node or another one.
 */
public final class IndexerProcess implements AutoCloseable {
  private static final String MAIN_CLASS = "org.ailedger.cli.AiLedger";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 60;

  private final String name;
  private final Path home;
  private final Path dataDir;
  private final ProcessLog log;
  private final int apiPort;
  private final int metricsPort;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Thread reaper;
  private Process process;
  private URI rpc;
  private int starts;

  private IndexerProcess(String name, Path home) {
    this.name = name;
    this.home = home;
    this.dataDir = home.resolve("data");
    this.log = new ProcessLog(home.resolve("indexer.log"), LOG_TAIL_LINES);
    int[] ports = NodeProcess.freePorts(2);
    this.apiPort = ports[0];
    this.metricsPort = ports[1];
    // a test JVM that dies must not leave the indexer running
    this.reaper = new Thread(this::destroyQuietly, "reap-" + name);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Starts an indexer on a fresh data directory following {@code rpc}; waits until it answers. */
  public static IndexerProcess start(String name, URI rpc) {
    try {
      Path root = Files.createDirectories(Path.of("target", "system-tests"));
      IndexerProcess indexer =
          new IndexerProcess(name, Files.createTempDirectory(root.toAbsolutePath(), name + "-"));
      indexer.launch(rpc);
      return indexer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for " + name, e);
    }
  }

  /** Starts it again on the same data directory and ports, following {@code rpc}. */
  public void restart(URI rpc) {
    if (isAlive()) {
      throw new IllegalStateException(name + " is still running; kill or stop it before restart");
    }
    launch(rpc);
  }

  /** SIGKILL, as a power cut or the OOM killer would; waits until the process has gone. */
  public void kill() {
    process.destroyForcibly();
    awaitExit("SIGKILL");
  }

  /** SIGTERM, as an operator or a service manager does; returns the exit code. */
  public int stop() {
    process.destroy();
    return awaitExit("SIGTERM");
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The node it follows now. */
  public URI rpc() {
    return rpc;
  }

  /** The SQLite store in its data directory. */
  public Path store() {
    return dataDir.resolve("indexer.db");
  }

  public URI apiUrl(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + apiPort + pathAndQuery);
  }

  /** GET on the REST API. */
  public HttpReply get(String pathAndQuery) {
    return send(apiUrl(pathAndQuery));
  }

  /** {@code /v1/health} as JSON. */
  public JsonNode health() {
    HttpReply reply = get("/v1/health");
    if (reply.status() != 200) {
      throw new AssertionError(name + "'s health answered " + reply.status() + ": " + reply.body());
    }
    return reply.json();
  }

  /** One scrape of its {@code /metrics}. */
  public Prometheus metrics() {
    HttpReply reply = send(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"));
    if (reply.status() != 200) {
      throw new AssertionError(name + "'s metrics answered " + reply.status());
    }
    return Prometheus.parse(reply.body());
  }

  /**
   * Waits until the store holds every block up to {@code block}; fails at once if ingestion halted,
   * and with the log's tail if the time runs out. Returns the indexed block number.
   */
  public long awaitIndexed(long block, Duration timeout) {
    try {
      return Await.until(
          name + " to index block " + block,
          timeout,
          () -> {
            JsonNode health = health();
            if ("halted".equals(health.path("status").asText())) {
              // an Error, so Await stops at once: a halt is final
              throw new AssertionError(name + " halted: " + health);
            }
            long indexed = health.path("block").path("number").asLong(-1);
            return indexed >= block ? Optional.of(indexed) : Optional.empty();
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + logTail(), e);
    }
  }

  /** Waits until {@code /v1/health} reports {@code status}. */
  public JsonNode awaitStatus(String status, Duration timeout) {
    return Await.until(
        name + " to report status " + status,
        timeout,
        () -> {
          JsonNode health = health();
          return status.equals(health.path("status").asText())
              ? Optional.of(health)
              : Optional.empty();
        });
  }

  /** What it printed since its latest start. */
  public String outputSinceStart() {
    return log.sinceLatestStart();
  }

  /** The whole log, every start. */
  public String output() {
    return log.all();
  }

  public String logTail() {
    return log.tail();
  }

  @Override
  public void close() {
    destroyQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and the hook runs anyway
    }
  }

  private void launch(URI rpc) {
    this.rpc = rpc;
    starts++;
    log.markStart(starts, "of " + name + " following " + rpc + " at " + Instant.now());
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the tests"));
    List<String> command =
        List.of(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            NodeDistribution.classPath(),
            MAIN_CLASS,
            "indexer",
            "--rpc=" + rpc,
            "--data-dir=" + dataDir,
            "--port=" + apiPort,
            "--metrics-enabled",
            "--metrics-port=" + metricsPort);
    try {
      process =
          new ProcessBuilder(command)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
    Await.untilTrue(
        name + " to answer /v1/health",
        STARTUP_TIMEOUT,
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(
                name + " exited with " + process.exitValue() + " while starting\n" + logTail());
          }
          return get("/v1/health").status() == 200;
        });
  }

  private HttpReply send(URI uri) {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new HttpReply(answer.statusCode(), answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(name + " did not answer " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int awaitExit(String signal) {
    try {
      if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            name + " did not exit within " + EXIT_TIMEOUT.toSeconds() + " s of " + signal);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    log.note(name + " exited with " + process.exitValue() + " after " + signal);
    return process.exitValue();
  }

  private void destroyQuietly() {
    Process running = process;
    if (running != null && running.isAlive()) {
      running.destroyForcibly();
      try {
        running.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

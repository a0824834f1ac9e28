package org.ailedger.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The devnet's indexer as an {@code ailedger indexer} process following validator 0, its store in
 * {@code indexer/} of the devnet directory. Stopped like the validators: SIGTERM, then SIGKILL
 * after the grace period.
 */
final class IndexerProcess {
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final DevnetLayout layout;
  private final String host;
  private final int port;
  private final int metricsPort;
  private final URI rpc;
  private final URI ws;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(PROBE_TIMEOUT)
          .build();
  // written by the starting thread, read by signal handlers and the shutdown hook
  private volatile Process process;

  /**
   * @param host the interface the REST API binds
   * @param metricsPort where its Prometheus metrics are served, on {@code host} too
   * @param rpc validator 0's JSON-RPC, as this machine reaches it
   * @param ws validator 0's JSON-RPC over WebSocket, whose newHeads wake the indexer
   */
  IndexerProcess(DevnetLayout layout, String host, int port, int metricsPort, URI rpc, URI ws) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("--indexer-port must be 1..65535, not " + port);
    }
    if (metricsPort < 1 || metricsPort > 65_535 || metricsPort == port) {
      throw new IllegalArgumentException(
          "--indexer-metrics-port must be 1..65535 and not --indexer-port, not " + metricsPort);
    }
    this.layout = layout;
    this.host = host;
    this.port = port;
    this.metricsPort = metricsPort;
    this.rpc = rpc;
    this.ws = ws;
  }

  void start() {
    process =
        ChildJvm.start(
            "the indexer",
            List.of(
                "indexer",
                "--rpc=" + rpc,
                // on the devnet wallets run on this machine too, so validator 0's URL is the
                // one to offer them
                "--public-rpc-url=" + rpc,
                "--ws=" + ws,
                "--data-dir=" + layout.indexerDir(),
                "--host=" + host,
                "--port=" + port,
                "--metrics-enabled",
                "--metrics-host=" + host,
                "--metrics-port=" + metricsPort,
                "--exit-with-parent=" + ProcessHandle.current().pid()),
            layout.indexerLog());
  }

  boolean started() {
    return process != null;
  }

  long pid() {
    return process.pid();
  }

  /** Where a browser or client reaches the REST API. */
  URI url() {
    return URI.create("http://" + host + ":" + port);
  }

  /** Where Prometheus scrapes the indexer's metrics. */
  URI metricsUrl() {
    return URI.create("http://" + host + ":" + metricsPort + "/metrics");
  }

  /** Completes with the exit code when the process ends, whatever ended it. */
  CompletableFuture<Integer> exit() {
    return process.onExit().thenApply(Process::exitValue);
  }

  /** Whether {@code /v1/health} answers yet. */
  boolean answers() {
    String local = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + local + ":" + port + "/v1/health"))
            .timeout(PROBE_TIMEOUT)
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * SIGTERM, up to {@code grace} to exit, then SIGKILL. Returns the exit code, or empty if it was
   * never started or outlived SIGKILL; safe to call more than once and from a shutdown hook.
   */
  synchronized Optional<Integer> stop(Duration grace) {
    Process running = process;
    if (running == null) {
      return Optional.empty();
    }
    running.destroy();
    awaitExit(running, grace);
    if (running.isAlive()) {
      running.destroyForcibly();
      awaitExit(running, KILL_WAIT);
    }
    return running.isAlive() ? Optional.empty() : Optional.of(running.exitValue());
  }

  /** SIGKILL without waiting: the operator asked twice. */
  void kill() {
    Process running = process;
    if (running != null) {
      running.destroyForcibly();
    }
  }

  String logTail() {
    return ChildJvm.logTail(layout.indexerLog());
  }

  private static void awaitExit(Process process, Duration timeout) {
    try {
      process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.ailedger.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.app.NodeConfig;

/**
 * The devnet's validators as {@code ailedger node} processes: the same java and class path as this
 * command, one log file each. They are started together and stopped together, SIGTERM first and
 * SIGKILL for any that outlast the grace period.
 */
final class ValidatorProcesses {
  private static final Duration RPC_PROBE_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  /** A validator that ended, and how. */
  record Exit(int validator, long pid, int code) {}

  private final DevnetLayout layout;
  private final DevnetPorts ports;
  private final String rpcHost;
  // written by the starting thread, read by signal handlers and the shutdown hook
  private final List<Process> processes = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(RPC_PROBE_TIMEOUT).build();

  ValidatorProcesses(DevnetLayout layout, DevnetPorts ports, String rpcHost) {
    this.layout = layout;
    this.ports = ports;
    this.rpcHost = rpcHost;
  }

  /** Starts every validator; if one cannot be started, stops those that were. */
  void start() {
    try {
      for (int i = 0; i < DevnetLayout.VALIDATORS; i++) {
        launch(i);
      }
    } catch (RuntimeException e) {
      stop(KILL_WAIT);
      throw e;
    }
  }

  long pid(int validator) {
    return processes.get(validator).pid();
  }

  /** Completes with the first validator to end, whatever ended it. */
  CompletableFuture<Exit> firstExit() {
    CompletableFuture<Exit> first = new CompletableFuture<>();
    for (int i = 0; i < processes.size(); i++) {
      int validator = i;
      Process process = processes.get(i);
      process.onExit().thenAccept(p -> first.complete(new Exit(validator, p.pid(), p.exitValue())));
    }
    return first;
  }

  /** The validators whose JSON-RPC does not answer {@code eth_blockNumber} yet. */
  List<Integer> notAnswering() {
    List<Integer> silent = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      if (!answers(i)) {
        silent.add(i);
      }
    }
    return silent;
  }

  /** Where this machine reaches validator {@code i}'s JSON-RPC over HTTP. */
  URI localHttpUrl(int validator) {
    String host = rpcHost.equals("0.0.0.0") || rpcHost.equals("::") ? "127.0.0.1" : rpcHost;
    return URI.create("http://" + host + ":" + ports.http(validator));
  }

  /** Where this machine reaches validator {@code i}'s JSON-RPC over WebSocket. */
  URI localWsUrl(int validator) {
    String host = rpcHost.equals("0.0.0.0") || rpcHost.equals("::") ? "127.0.0.1" : rpcHost;
    return URI.create("ws://" + host + ":" + ports.ws(validator));
  }

  /**
   * Sends SIGTERM to every running validator, waits up to {@code grace} for all to exit, then sends
   * SIGKILL to the rest. Returns the validators' exit codes; safe to call more than once and from a
   * shutdown hook.
   */
  synchronized List<Integer> stop(Duration grace) {
    processes.forEach(Process::destroy);
    Instant deadline = Instant.now().plus(grace);
    for (Process process : processes) {
      awaitExit(process, Duration.between(Instant.now(), deadline));
    }
    for (Process process : processes) {
      if (process.isAlive()) {
        process.destroyForcibly();
        awaitExit(process, KILL_WAIT);
      }
    }
    return processes.stream().map(p -> p.isAlive() ? -1 : p.exitValue()).toList();
  }

  /** SIGKILL for every validator at once, without waiting: the operator asked twice. */
  void kill() {
    processes.forEach(Process::destroyForcibly);
  }

  /** The last lines validator {@code i} logged, to show why it failed. */
  String logTail(int validator) {
    return ChildJvm.logTail(layout.logFile(validator));
  }

  private void launch(int validator) {
    processes.add(
        ChildJvm.start("validator " + validator, arguments(validator), layout.logFile(validator)));
  }

  /**
   * Validator 0 is the one the devnet hands to clients (its URL is printed first and the page's
   * wallets use it), so it alone warms its JSON-RPC before opening; four warm-ups at once would
   * slow a small machine's devnet start for validators nobody calls.
   */
  private List<String> arguments(int i) {
    return List.of(
        "node",
        "--rpc-warmup-requests=" + (i == 0 ? NodeConfig.DEFAULT_RPC_WARMUP_REQUESTS : 0),
        "--data-dir=" + layout.dataDir(i),
        "--genesis-file=" + layout.genesisFile(),
        "--node-key-file=" + layout.keyFile(i),
        "--rpc-host=" + rpcHost,
        "--rpc-http-port=" + ports.http(i),
        "--rpc-ws-port=" + ports.ws(i),
        "--metrics-port=" + ports.metrics(i),
        "--p2p-interface=" + DevnetLayout.P2P_HOST,
        "--p2p-host=" + DevnetLayout.P2P_HOST,
        "--p2p-port=" + ports.p2p(i),
        "--static-nodes-file=" + layout.staticNodesFile(i),
        "--exit-with-parent=" + ProcessHandle.current().pid());
  }

  private boolean answers(int validator) {
    HttpRequest request =
        HttpRequest.newBuilder(localHttpUrl(validator))
            .timeout(RPC_PROBE_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}"))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"result\"");
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void awaitExit(Process process, Duration timeout) {
    try {
      process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

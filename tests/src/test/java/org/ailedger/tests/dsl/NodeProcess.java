package org.ailedger.tests.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;

/**
 * One validator node as a real operating-system process, started the way a user starts it: the
 * packaged jar and its {@code lib/} on the class path, a genesis file, a key file and a data
 * directory. Its output goes to a log file whose tail explains a failure.
 */
public final class NodeProcess implements AutoCloseable {
  private static final String MAIN_CLASS = "org.ailedger.cli.AiLedger";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  /** The devnet starts four JVMs and waits up to 120 s for them itself. */
  private static final Duration DEVNET_STARTUP_TIMEOUT = Duration.ofSeconds(150);

  /** {@code ailedger devnet}'s validators, and how far apart their ports are (DESIGN §6). */
  public static final int DEVNET_VALIDATORS = 4;

  private static final int DEVNET_RPC_STRIDE = 10;
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
  private static final int LOG_TAIL_LINES = 80;

  /** Which command the process runs. */
  private enum Command {
    /** {@code ailedger node} with a genesis and key the test wrote. */
    NODE,
    /** {@code ailedger devnet}, which writes its own genesis and key and seeds the demo. */
    DEVNET
  }

  private final String name;
  private final Command kind;
  private final Path home;
  private final Path dataDir;
  private final Path genesisFile;
  private final Path keyFile;
  private final ProcessLog log;
  private int httpPort;
  private int wsPort;
  private int metricsPort;
  private final int p2pPort;
  private final int indexerPort;
  private final int indexerMetricsPort;
  private final List<String> extraArgs = new ArrayList<>();
  private volatile JsonRpc rpc;
  private final Thread reaper;
  private Process process;
  private int starts;

  private NodeProcess(String name, Command kind, Path home) {
    this.name = name;
    this.kind = kind;
    this.home = home;
    this.dataDir = home.resolve("data");
    this.genesisFile = home.resolve("genesis.json");
    this.keyFile = home.resolve("node.key");
    this.log = new ProcessLog(home.resolve("node.log"), LOG_TAIL_LINES);
    int[] ports = kind == Command.DEVNET ? freeDevnetPorts() : freePorts(4);
    this.httpPort = ports[0];
    this.wsPort = ports[1];
    this.metricsPort = ports[2];
    this.p2pPort = ports[3];
    this.indexerPort = kind == Command.DEVNET ? ports[4] : 0;
    this.indexerMetricsPort = kind == Command.DEVNET ? ports[5] : 0;
    this.rpc = new JsonRpc(httpUrl());
    // a test JVM that dies must not leave validators running
    this.reaper = new Thread(this::destroyQuietly, "reap-" + name);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts a single-validator devnet node (chain id 1337, the dev accounts permitted) with a fresh
   * data directory, and waits until it answers JSON-RPC.
   */
  public static NodeProcess startDevnetValidator(String name) {
    Path home = freshHome(name);
    NodeProcess node = new NodeProcess(name, Command.NODE, home);
    try {
      Files.writeString(node.genesisFile, new GenesisWriter().write(DevnetGenesis.spec(1)));
      KeyFile.write(node.keyFile, DevAccounts.validator(0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the node's genesis and key to " + home, e);
    }
    node.launch();
    return node;
  }

  /**
   * Prepares a node of a network the test describes (its genesis and node key) on free ports
   * without starting it, so its enode can go into other nodes' options first.
   */
  public static NodeProcess prepareNode(String name, String genesisJson, KeyPair key) {
    Path home = freshHome(name);
    NodeProcess node = new NodeProcess(name, Command.NODE, home);
    try {
      Files.writeString(node.genesisFile, genesisJson);
      KeyFile.write(node.keyFile, key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the node's genesis and key to " + home, e);
    }
    return node;
  }

  /**
   * Starts a prepared node with {@code options} added to its command line; waits until it answers.
   */
  public NodeProcess start(String... options) {
    if (starts > 0) {
      throw new IllegalStateException(name + " was started before; use restart()");
    }
    extraArgs.addAll(List.of(options));
    launch();
    return this;
  }

  /** The enode URL other nodes dial this one at (its node key, on localhost). */
  public String enode() {
    try {
      return "enode://"
          + KeyFile.read(keyFile).publicKey().bytes().toUnprefixedHexString()
          + "@127.0.0.1:"
          + p2pPort;
    } catch (RuntimeException e) {
      throw new IllegalStateException(name + " has no node key at " + keyFile, e);
    }
  }

  /**
   * Starts {@code ailedger devnet} as a newcomer does, on free ports and a fresh devnet directory,
   * and waits until it answers JSON-RPC; the demo may still be seeding then.
   */
  public static NodeProcess startDevnetCommand(String name) {
    NodeProcess node = new NodeProcess(name, Command.DEVNET, freshHome(name));
    node.launch();
    return node;
  }

  public String name() {
    return name;
  }

  public URI httpUrl() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  public URI wsUrl() {
    return URI.create("ws://127.0.0.1:" + wsPort);
  }

  /**
   * Validator {@code i} of a devnet started with {@link #startDevnetCommand}: its HTTP JSON-RPC.
   */
  public URI httpUrl(int validator) {
    return URI.create("http://127.0.0.1:" + (httpPort + devnetOffset(validator)));
  }

  /** Validator {@code i} of a devnet started with {@link #startDevnetCommand}: its WebSocket. */
  public URI wsUrl(int validator) {
    return URI.create("ws://127.0.0.1:" + (wsPort + devnetOffset(validator)));
  }

  /** A JSON-RPC client of validator {@code i} of a devnet. */
  public JsonRpc rpc(int validator) {
    return new JsonRpc(httpUrl(validator));
  }

  /**
   * The processes this one started that are running now: a devnet's validators. Take them before
   * stopping the devnet, whose children the OS hands to another parent once it is gone.
   */
  public List<ProcessHandle> childProcesses() {
    requireAlive("list the children of");
    return process.toHandle().children().toList();
  }

  public JsonRpc rpc() {
    return rpc;
  }

  /** One scrape of this node's /metrics, as a monitoring server reads it. */
  public Prometheus metrics() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
            .timeout(Duration.ofSeconds(10))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return Prometheus.parse(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(name + "'s metrics did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value of one Prometheus sample (name and labels as printed) on this node's /metrics. */
  public double metric(String sample) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
            .timeout(Duration.ofSeconds(10))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      String text = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
      return text.lines()
          .filter(line -> line.startsWith(sample + " "))
          .map(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
          .findFirst()
          .orElseThrow(() -> new AssertionError(name + " has no metric " + sample));
    } catch (IOException e) {
      throw new UncheckedIOException(name + "'s metrics did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Where a devnet's indexer serves its REST API. */
  public URI indexerUrl() {
    if (kind != Command.DEVNET) {
      throw new IllegalStateException(name + " is not a devnet and runs no indexer");
    }
    return URI.create("http://127.0.0.1:" + indexerPort);
  }

  /** Where a devnet's indexer serves its Prometheus metrics. */
  public URI indexerMetricsUrl() {
    if (kind != Command.DEVNET) {
      throw new IllegalStateException(name + " is not a devnet and runs no indexer");
    }
    return URI.create("http://127.0.0.1:" + indexerMetricsPort + "/metrics");
  }

  public Path logFile() {
    return log.file();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /**
   * Kills the node with SIGKILL, as a power cut or the OOM killer would, and waits for it to go.
   */
  public void kill() {
    requireAlive("kill");
    process.destroyForcibly();
    awaitExit("SIGKILL");
  }

  /**
   * Asks the node to stop with SIGTERM, as an operator or a service manager does, and returns its
   * exit code once it has gone.
   */
  public int stop() {
    requireAlive("stop");
    process.destroy();
    return awaitExit("SIGTERM");
  }

  /** Starts the node again on the same data directory, ports and keys; waits until it answers. */
  public void restart() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is still running; kill or stop it before restart");
    }
    launch();
  }

  /**
   * Deletes the stopped node's data directory (chain, state, everything but its key and genesis),
   * as an operator replacing a broken disk does; the next {@link #restart()} starts from genesis.
   */
  public void wipeData() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is running; stop it before wiping its data");
    }
    try (var paths = Files.walk(dataDir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dataDir, e);
    }
  }

  /** Waits until the head block number is above {@code blockNumber}; returns the new head. */
  public long awaitBlockAbove(long blockNumber, Duration timeout) {
    return Await.until(
        name + " to produce a block above " + blockNumber,
        timeout,
        () -> {
          requireAlive("wait for blocks on");
          long head = rpc.blockNumber();
          return head > blockNumber ? Optional.of(head) : Optional.empty();
        });
  }

  /**
   * Waits until the node, since its latest start, has printed a line containing {@code text}; fails
   * with the log's tail if it exits first or the time runs out.
   */
  public void awaitOutput(String text, Duration timeout) {
    Await.until(
        name + " to print \"" + text + "\"",
        timeout,
        () -> {
          requireAlive("wait for the output of");
          return outputSinceStart().contains(text) ? Optional.of(Boolean.TRUE) : Optional.empty();
        });
  }

  /** What the node printed since its latest start. */
  public String outputSinceStart() {
    return log.sinceLatestStart();
  }

  /** The last lines the node wrote, for failure messages. */
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

  /**
   * How often a start is retried on new JSON-RPC and metrics ports when one of them was taken
   * between choosing it and binding it: the machine is shared with other tests' nodes.
   */
  private static final int PORT_RETRIES = 3;

  private void launch() {
    for (int attempt = 1; ; attempt++) {
      try {
        launchOnce();
        return;
      } catch (AssertionError e) {
        if (attempt > PORT_RETRIES || !lostAServerPort()) {
          throw e;
        }
        int[] ports = freePorts(3);
        httpPort = ports[0];
        wsPort = ports[1];
        metricsPort = ports[2];
        rpc = new JsonRpc(httpUrl());
      }
    }
  }

  /** The latest start failed because a JSON-RPC or metrics port was taken; p2p's cannot move. */
  private boolean lostAServerPort() {
    if (kind == Command.DEVNET) {
      // a devnet's ports are a block below the ephemeral range that other tests' ports and
      // outgoing connections come from, and its URLs must stay put across restarts
      return false;
    }
    String output = outputSinceStart();
    return !process.isAlive()
        && output.contains("Address already in use")
        && !output.contains("cannot listen for peers");
  }

  private void launchOnce() {
    starts++;
    log.markStart(starts, "of " + name + " at " + Instant.now());
    ProcessBuilder builder =
        new ProcessBuilder(command())
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command()), e);
    }
    awaitReady();
  }

  private List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(NodeDistribution.classPath());
    command.add(MAIN_CLASS);
    if (kind == Command.DEVNET) {
      command.add("devnet");
      command.add("--data-dir");
      command.add(dataDir.toString());
      command.add("--indexer-port");
      command.add(Integer.toString(indexerPort));
      command.add("--indexer-metrics-port");
      command.add(Integer.toString(indexerMetricsPort));
    } else {
      command.add("node");
      command.add("--data-dir");
      command.add(dataDir.toString());
      command.add("--genesis-file");
      command.add(genesisFile.toString());
      command.add("--node-key-file");
      command.add(keyFile.toString());
      if (!extraArgs.contains("--rpc-warmup-requests")) {
        // a warm-up only buys speed for the first clients; tests start many nodes on two cores
        command.add("--rpc-warmup-requests");
        command.add("0");
      }
    }
    command.add("--rpc-http-port");
    command.add(Integer.toString(httpPort));
    command.add("--rpc-ws-port");
    command.add(Integer.toString(wsPort));
    command.add("--metrics-port");
    command.add(Integer.toString(metricsPort));
    // never the default 30303: tests run beside each other and beside a developer's devnet
    command.add("--p2p-port");
    command.add(Integer.toString(p2pPort));
    command.addAll(extraArgs);
    return command;
  }

  private void awaitReady() {
    Duration timeout = kind == Command.DEVNET ? DEVNET_STARTUP_TIMEOUT : STARTUP_TIMEOUT;
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception lastFailure = null;
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        throw new AssertionError(
            name + " exited with code " + process.exitValue() + " while starting\n" + logTail());
      }
      try {
        rpc.blockNumber();
        return;
      } catch (RuntimeException e) {
        lastFailure = e; // not listening yet
      }
      try {
        process.waitFor(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + name + " was starting", e);
      }
    }
    AssertionError error =
        new AssertionError(
            name
                + " did not answer eth_blockNumber within "
                + timeout.toSeconds()
                + " s\n"
                + logTail());
    error.initCause(lastFailure);
    throw error;
  }

  private int awaitExit(String signal) {
    try {
      if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            name
                + " did not exit within "
                + EXIT_TIMEOUT.toSeconds()
                + " s of "
                + signal
                + "\n"
                + logTail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + name + " was exiting", e);
    }
    log.note(name + " exited with code " + process.exitValue() + " after " + signal);
    return process.exitValue();
  }

  private void requireAlive(String action) {
    if (!isAlive()) {
      String exit = process == null ? "never started" : "exit code " + process.exitValue();
      throw new AssertionError(
          "cannot " + action + " " + name + ": not running (" + exit + ")\n" + logTail());
    }
  }

  private void destroyQuietly() {
    Process running = process;
    if (running != null && running.isAlive()) {
      // a devnet's validators would outlive a SIGKILLed devnet by a few seconds: end them too
      List<ProcessHandle> children = running.toHandle().descendants().toList();
      running.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      try {
        running.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String javaExecutable() {
    // the node runs on the same JDK as the tests, whatever is first on PATH
    return ProcessHandle.current()
        .info()
        .command()
        .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the tests"));
  }

  private static Path freshHome(String name) {
    try {
      Path root = Files.createDirectories(Path.of("target", "system-tests"));
      return Files.createTempDirectory(root.toAbsolutePath(), name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for " + name, e);
    }
  }

  private int devnetOffset(int validator) {
    if (kind != Command.DEVNET || validator < 0 || validator >= DEVNET_VALIDATORS) {
      throw new IllegalArgumentException(name + " has no validator " + validator);
    }
    return DEVNET_RPC_STRIDE * validator;
  }

  /**
   * Base ports for a devnet — HTTP {@code b}, WebSocket {@code b+1}, metrics {@code b+2}, p2p
   * {@code b+3}, the indexer {@code b+7} and its metrics {@code b+8} — such that every port its
   * validators derive from them (JSON-RPC and metrics plus 10·i, p2p plus i) is free now. Bases are
   * drawn below Linux's ephemeral range (32768+), where the OS hands out the ports of {@code
   * freePorts} and of outgoing connections.
   */
  private static int[] freeDevnetPorts() {
    Random random = new Random();
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = 20_000 + DEVNET_RPC_STRIDE * random.nextInt(1_200);
      List<Integer> derived = new ArrayList<>();
      for (int i = 0; i < DEVNET_VALIDATORS; i++) {
        int offset = DEVNET_RPC_STRIDE * i;
        derived.addAll(List.of(base + offset, base + 1 + offset, base + 2 + offset, base + 3 + i));
      }
      // p2p takes b+3..b+6; b+7 and b+8 are the first ports no validator derives
      derived.add(base + 7);
      derived.add(base + 8);
      if (derived.stream().allMatch(NodeProcess::isFree)) {
        return new int[] {base, base + 1, base + 2, base + 3, base + 7, base + 8};
      }
    }
    throw new IllegalStateException("found no free block of devnet ports in 20000..32030");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Ports free now, all held open together so none is handed out twice, and drawn below Linux's
   * ephemeral range (32768+): a port from there can be taken by any outgoing connection, such as a
   * test client's, while a killed node is down, and the node then cannot restart on it.
   */
  static int[] freePorts(int count) {
    synchronized (HANDED_OUT) {
      int[] ports = probeFreePorts(count);
      for (int port : ports) {
        HANDED_OUT.add(port);
      }
      return ports;
    }
  }

  /**
   * Every port {@link #freePorts} gave out in this JVM: a node that has not started yet does not
   * listen on its ports, so a probe alone would hand them to the next node too (a network of four
   * nodes prepared before any starts collided so about once in a hundred runs).
   */
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private static int[] probeFreePorts(int count) {
    Random random = new Random();
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0, attempts = 0; i < count; attempts++) {
        if (attempts > 1_000) {
          throw new IllegalStateException("found no free ports in 10000..20000");
        }
        // devnets draw from 20000 up; these stay apart from them
        int port = 10_000 + random.nextInt(10_000);
        if (HANDED_OUT.contains(port)) {
          continue;
        }
        try {
          sockets.add(new ServerSocket(port));
          ports[i++] = port;
        } catch (IOException taken) {
          // try another
        }
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // nothing listens on it; the port is free either way
        }
      }
    }
  }
}

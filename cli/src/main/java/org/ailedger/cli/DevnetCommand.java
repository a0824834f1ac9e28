package org.ailedger.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ailedger.indexer.api.ApiConfig;
import org.ailedger.indexer.metrics.MetricsConfig;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.p2p.peers.PeersConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a local development network on chain id 1337 with the dev accounts:",
      "four validators, each an `ailedger node` process with its own key, data",
      "and ports. Creates (or reuses) the data directory, prints the endpoints and",
      "accounts, and stops every validator on Ctrl-C or SIGTERM. Validator i",
      "listens on the JSON-RPC and metrics ports given plus 10·i, p2p plus i.",
      "An `ailedger indexer` process follows validator 0 and serves its REST API",
      "and its metrics."
    })
final class DevnetCommand implements Callable<Integer> {
  /** Four JVMs starting on a small, busy machine take a while; a hung one must not hang us. */
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

  /** A node closes in a second or two; 20 s covers a slow disk before SIGKILL. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private static final Duration POLL = Duration.ofMillis(250);

  /** How the JVM of a validator exits on SIGINT: Ctrl-C reached the whole process group. */
  private static final int SIGINT_EXIT = 128 + 2;

  @Option(
      names = "--data-dir",
      defaultValue = "devnet-data",
      description = "Devnet directory (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--reset",
      description = "Delete the devnet directory first and start from block 0.")
  boolean reset;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Interface for JSON-RPC and metrics (default: ${DEFAULT-VALUE}); validators meet each"
              + " other on 127.0.0.1 whatever it is.")
  String host;

  @Option(
      names = "--no-demo",
      description = "Start a new devnet without the demo model, datasets and round.")
  boolean noDemo;

  @Mixin PortOptions ports;

  @Option(
      names = "--p2p-port",
      defaultValue = "" + PeersConfig.DEFAULT_PORT,
      description =
          "Validator 0's p2p port; validator i uses it plus i (default: ${DEFAULT-VALUE}).")
  int p2pPort;

  @Option(
      names = "--indexer-port",
      defaultValue = "" + ApiConfig.DEFAULT_PORT,
      description = "The indexer's REST API (default: ${DEFAULT-VALUE}).")
  int indexerPort;

  @Option(
      names = "--indexer-metrics-port",
      defaultValue = "" + MetricsConfig.DEFAULT_PORT,
      description = "The indexer's Prometheus metrics (default: ${DEFAULT-VALUE}).")
  int indexerMetricsPort;

  @Override
  public Integer call() {
    DevnetPorts devnetPorts =
        new DevnetPorts(
            ports.httpPort, ports.wsPort, ports.metricsPort, p2pPort, DevnetLayout.VALIDATORS);
    DevnetLayout layout = new DevnetLayout(dataDir);
    if (reset) {
      layout.delete();
    } else if (layout.demoInterrupted() && !noDemo) {
      // the demo's seeding was cut short (Ctrl-C, a crash): its chain holds part of the scenario,
      // which cannot be finished, and only seconds of a devnet's life; start it over
      System.out.printf(
          "The demo of %s was interrupted while seeding; starting the devnet over from block 0.%n",
          dataDir);
      layout.delete();
    }
    if (devnetPorts.uses(indexerPort)) {
      throw new IllegalArgumentException(
          "--indexer-port " + indexerPort + " is one of the validators' ports; pick another");
    }
    if (devnetPorts.uses(indexerMetricsPort)) {
      throw new IllegalArgumentException(
          "--indexer-metrics-port "
              + indexerMetricsPort
              + " is one of the validators' ports; pick another");
    }
    boolean fresh = layout.prepare(devnetPorts);
    boolean seed = fresh && !noDemo;
    if (seed) {
      // from here until the demo has committed, a stop leaves a devnet the next start redoes
      layout.demoSeeding(true);
    }

    ValidatorProcesses validators = new ValidatorProcesses(layout, devnetPorts, host);
    IndexerProcess indexer =
        new IndexerProcess(
            layout,
            host,
            indexerPort,
            indexerMetricsPort,
            validators.localHttpUrl(0),
            validators.localWsUrl(0));
    CompletableFuture<String> stopRequest =
        StopSignals.install(
            () -> {
              indexer.kill();
              validators.kill();
            });
    // any other way out (an error, SIGHUP) stops the indexer and the validators too
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  indexer.stop(STOP_GRACE);
                  validators.stop(STOP_GRACE);
                },
                "devnet-stop"));
    System.out.printf(
        "Starting %d validators (logs in %s)...%n",
        DevnetLayout.VALIDATORS, layout.validatorDir(0).resolveSibling("validator-N/node.log"));
    validators.start();
    CompletableFuture<ValidatorProcesses.Exit> exited = validators.firstExit();
    Run run = new Run(validators, indexer, stopRequest, exited);

    if (!run.awaitJsonRpc() || !run.startIndexer()) {
      return run.end();
    }
    printBanner(validators, indexer, devnetPorts, layout);
    if (seed) {
      if (!run.seedDemo()) {
        return run.end();
      }
      layout.demoSeeding(false);
    }
    if (!run.ending()) {
      System.out.println("Press Ctrl-C to stop.");
    }
    run.awaitEnd();
    return run.end();
  }

  /** One run of the devnet: what it waits for, and how it ends. */
  private static final class Run {
    private final ValidatorProcesses validators;
    private final IndexerProcess indexer;
    private final CompletableFuture<String> stopRequest;
    private final CompletableFuture<ValidatorProcesses.Exit> exited;
    private CompletableFuture<Integer> indexerExited = new CompletableFuture<>();
    private boolean failed;

    Run(
        ValidatorProcesses validators,
        IndexerProcess indexer,
        CompletableFuture<String> stopRequest,
        CompletableFuture<ValidatorProcesses.Exit> exited) {
      this.validators = validators;
      this.indexer = indexer;
      this.stopRequest = stopRequest;
      this.exited = exited;
    }

    boolean ending() {
      return failed || stopRequest.isDone() || exited.isDone() || indexerExited.isDone();
    }

    /** Starts the indexer and waits until it answers; false when the devnet must end instead. */
    boolean startIndexer() {
      indexer.start();
      indexerExited = indexer.exit();
      Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
      while (!indexer.answers()) {
        if (ending()) {
          return false;
        }
        if (Instant.now().isAfter(deadline)) {
          System.err.printf(
              "error: the indexer did not answer within %d s%n%s%n",
              STARTUP_TIMEOUT.toSeconds(), indexer.logTail());
          failed = true;
          return false;
        }
        awaitEndFor(POLL);
      }
      return true;
    }

    /** Waits for a stop request or for a validator or the indexer to end. */
    void awaitEnd() {
      CompletableFuture.anyOf(stopRequest, exited, indexerExited).join();
    }

    /** Waits until every validator answers JSON-RPC; false when the devnet must end instead. */
    boolean awaitJsonRpc() {
      Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
      List<Integer> silent = validators.notAnswering();
      while (!silent.isEmpty()) {
        if (ending()) {
          return false;
        }
        if (Instant.now().isAfter(deadline)) {
          System.err.printf(
              "error: validators %s did not answer JSON-RPC within %d s%n",
              silent, STARTUP_TIMEOUT.toSeconds());
          silent.forEach(i -> System.err.println(validators.logTail(i)));
          failed = true;
          return false;
        }
        awaitEndFor(POLL);
        silent = silent.stream().filter(validators.notAnswering()::contains).toList();
      }
      return true;
    }

    /** Seeds the demo through validator 0; false when the devnet must end instead. */
    boolean seedDemo() {
      System.out.println("Seeding the demo through validator 0 (a few seconds)...");
      ExecutorService thread =
          Executors.newSingleThreadExecutor(
              Thread.ofPlatform().daemon().name("devnet-demo").factory());
      try {
        CompletableFuture<List<String>> seeding =
            CompletableFuture.supplyAsync(
                () -> new DevnetDemo(validators.localHttpUrl(0).toString()).seed(), thread);
        try {
          CompletableFuture.anyOf(seeding, stopRequest, exited, indexerExited).join();
        } catch (CompletionException e) {
          // the seeding failed; reported below unless the devnet is ending anyway
        }
        if (stopRequest.isDone() || exited.isDone() || indexerExited.isDone()) {
          return false;
        }
        try {
          seeding.join().forEach(line -> System.out.println("  " + line));
          System.out.println();
          return true;
        } catch (CompletionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          System.err.println("error: seeding the demo failed: " + cause.getMessage());
          System.err.println(validators.logTail(0));
          failed = true;
          return false;
        }
      } finally {
        thread.shutdownNow();
      }
    }

    /** Stops every validator and returns the devnet's exit code, saying why it ends. */
    int end() {
      int code;
      if (stopRequest.isDone()) {
        System.out.println("Stopping the devnet (" + stopRequest.join() + ")...");
        code = 0;
      } else if (exited.isDone() && exited.join().code() == SIGINT_EXIT) {
        System.out.println("Stopping the devnet (Ctrl-C)...");
        code = 0;
      } else if (exited.isDone()) {
        ValidatorProcesses.Exit exit = exited.join();
        System.err.printf(
            "error: validator %d (pid %d) exited unexpectedly with code %d; stopping the"
                + " devnet%n%s%n",
            exit.validator(), exit.pid(), exit.code(), validators.logTail(exit.validator()));
        code = 1;
      } else if (indexerExited.isDone() && indexerExited.join() != SIGINT_EXIT) {
        System.err.printf(
            "error: the indexer (pid %d) exited unexpectedly with code %d; stopping the devnet%n%s%n",
            indexer.pid(), indexerExited.join(), indexer.logTail());
        code = 1;
      } else if (indexerExited.isDone()) {
        System.out.println("Stopping the devnet (Ctrl-C)...");
        code = 0;
      } else {
        System.out.println("Stopping the devnet...");
        code = failed ? 1 : 0;
      }
      // the indexer first: it follows validator 0 and would only log its going as a failure
      reportIndexerStop();
      List<Integer> codes = validators.stop(STOP_GRACE);
      for (int i = 0; i < codes.size(); i++) {
        System.out.printf(
            "  validator %d (pid %d) %s%n",
            i,
            validators.pid(i),
            codes.get(i) < 0 ? "still running after SIGKILL" : "exited with " + codes.get(i));
      }
      System.out.println("Devnet stopped.");
      return code;
    }

    private void reportIndexerStop() {
      if (!indexer.started()) {
        return;
      }
      Optional<Integer> code = indexer.stop(STOP_GRACE);
      System.out.printf(
          "  indexer (pid %d) %s%n",
          indexer.pid(), code.map(c -> "exited with " + c).orElse("still running after SIGKILL"));
    }

    private void awaitEndFor(Duration timeout) {
      try {
        CompletableFuture.anyOf(stopRequest, exited, indexerExited)
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // nothing happened; poll again
      } catch (ExecutionException e) {
        // cannot happen: neither future completes exceptionally
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed = true;
      }
    }
  }

  private void printBanner(
      ValidatorProcesses validators,
      IndexerProcess indexer,
      DevnetPorts ports,
      DevnetLayout layout) {
    System.out.println();
    System.out.println(
        "AI Contribution Ledger devnet  (chain id "
            + DevAccounts.DEVNET_CHAIN_ID
            + ", "
            + DevnetLayout.VALIDATORS
            + " validators, data in "
            + dataDir
            + ")");
    for (int i = 0; i < DevnetLayout.VALIDATORS; i++) {
      System.out.printf(
          "  validator %d  %s  pid %d  log %s%n",
          i,
          DevAccounts.validator(i).address().toChecksumHex(),
          validators.pid(i),
          layout.logFile(i));
      System.out.printf(
          "    JSON-RPC http://%s:%d  ws://%s:%d  metrics http://%s:%d/metrics  p2p %s:%d%n",
          host,
          ports.http(i),
          host,
          ports.ws(i),
          host,
          ports.metrics(i),
          DevnetLayout.P2P_HOST,
          ports.p2p(i));
    }
    System.out.printf(
        "  indexer      REST %s/v1/  OpenAPI %s/openapi.json  pid %d  log %s%n",
        indexer.url(), indexer.url(), indexer.pid(), layout.indexerLog());
    System.out.printf("    metrics %s%n", indexer.metricsUrl());
    System.out.printf(
        "  page         %s/  governance and explorer, in your browser%n", indexer.url());
    System.out.println();
    System.out.println(
        "Dev accounts (mnemonic \""
            + DevAccounts.MNEMONIC
            + "\"; devnet only, never use elsewhere):");
    String[] roles = {
      "model owner",
      "aggregator",
      "contributor",
      "contributor",
      "contributor",
      "auditor",
      "token holder",
      "token holder",
      "token holder",
      "token holder"
    };
    for (int i = 0; i < DevAccounts.NAMED_ACCOUNTS; i++) {
      KeyPair key = DevAccounts.account(i);
      System.out.printf(
          "  (%d) %s  %-12s  key %s%n",
          i, key.address().toChecksumHex(), roles[i], key.privateKey().bytes().toHexString());
    }
    System.out.println("  (10..137) load-test contributors of member \"load\"");
    System.out.println();
  }
}

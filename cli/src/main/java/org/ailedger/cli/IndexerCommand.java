package org.ailedger.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ailedger.indexer.api.ApiConfig;
import org.ailedger.indexer.app.IndexerConfig;
import org.ailedger.indexer.app.LedgerIndexer;
import org.ailedger.indexer.ingest.IngestConfig;
import org.ailedger.indexer.metrics.MetricsConfig;
import org.ailedger.indexer.store.StoreConfig;
import org.ailedger.indexer.store.StoreLocation;
import org.ailedger.indexer.stream.StreamConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "indexer",
    mixinStandardHelpOptions = true,
    description = {
      "Follows a node over JSON-RPC, keeps the native contracts' whole history in SQL",
      "and serves it over REST (/v1/…, /openapi.json) until interrupted."
    })
final class IndexerCommand implements Callable<Integer> {
  @Option(
      names = "--rpc",
      required = true,
      paramLabel = "URL",
      description = "The node's JSON-RPC over HTTP, e.g. http://127.0.0.1:8545.")
  URI rpc;

  @Option(
      names = "--ws",
      paramLabel = "URL",
      description =
          "The node's JSON-RPC over WebSocket, e.g. ws://127.0.0.1:8546: its newHeads wake"
              + " ingestion at once; without it (or while it is down) the indexer polls.")
  URI ws;

  @Option(
      names = "--public-rpc-url",
      paramLabel = "URL",
      description =
          "The JSON-RPC URL wallets should use for this chain, published in /v1/network: the"
              + " page offers it when a wallet does not know chain 1337. Without it the page asks"
              + " voters to add the chain by hand. --rpc is never published: it may hold keys.")
  URI publicRpcUrl;

  @Option(
      names = "--db",
      paramLabel = "STORE",
      description =
          "sqlite (default: indexer.db in --data-dir), sqlite:PATH, or"
              + " postgresql://[user[:password]@]host[:port]/database.")
  String db;

  @Option(
      names = "--data-dir",
      defaultValue = "indexer-data",
      description = "Directory of the SQLite store (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--host",
      defaultValue = ApiConfig.DEFAULT_HOST,
      description = "Interface for the REST API (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "" + ApiConfig.DEFAULT_PORT,
      description = "REST API port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--metrics-enabled",
      description = "Serve Prometheus metrics at /metrics on --metrics-port.")
  boolean metricsEnabled;

  @Option(
      names = "--metrics-host",
      defaultValue = MetricsConfig.DEFAULT_HOST,
      description = "Interface for the metrics (default: ${DEFAULT-VALUE}).")
  String metricsHost;

  @Option(
      names = "--metrics-port",
      defaultValue = "" + MetricsConfig.DEFAULT_PORT,
      description = "Prometheus metrics port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--exit-with-parent",
      hidden = true,
      paramLabel = "PID",
      description = "Stop cleanly when process PID ends: `ailedger devnet` passes its own.")
  Long parentPid;

  IndexerConfig config() {
    return new IndexerConfig(
        rpc,
        IndexerConfig.DEFAULT_RPC_TIMEOUT,
        StoreConfig.of(StoreLocation.parse(db, dataDir)),
        ApiConfig.of(host, port).withPublicRpcUrl(Optional.ofNullable(publicRpcUrl)),
        IngestConfig.defaults(),
        new MetricsConfig(metricsEnabled, metricsHost, metricsPort),
        Optional.ofNullable(ws),
        StreamConfig.defaults());
  }

  @Override
  public Integer call() {
    IndexerConfig config = config();
    LedgerIndexer indexer = LedgerIndexer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM and SIGINT run the hooks: the API stops, the ingest step in progress commits or
    // rolls back as a whole, the store closes
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  indexer.close();
                  stopped.countDown();
                },
                "indexer-stop"));
    System.out.printf("indexer   http://%s:%d/v1/health%n", host, indexer.apiPort());
    indexer
        .metricsPort()
        .ifPresent(p -> System.out.printf("metrics   http://%s:%d/metrics%n", metricsHost, p));
    System.out.printf("following %s into %s%n", rpc, config.store().location().describe());
    if (parentPid != null) {
      ParentWatch.exitWhenGone(parentPid);
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}

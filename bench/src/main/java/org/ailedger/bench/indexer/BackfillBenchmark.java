package org.ailedger.bench.indexer;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ailedger.indexer.ingest.IngestConfig;
import org.ailedger.indexer.ingest.NodeException;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.StoreConfig;
import org.ailedger.indexer.store.StoreLocation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Times the indexer's back-fill: from an empty store to the node's head as it was at the start,
 * with the production ingester, writer and decoder in this process (no REST API, which a back-fill
 * does not touch). Each run gets a fresh store; the report gives events/s and blocks/s per run and
 * their median, and how the time split between waiting for the node and decoding plus storing.
 */
@Command(
    name = "indexer-backfill",
    mixinStandardHelpOptions = true,
    description = "Times the indexer from an empty store to a node's head.")
public final class BackfillBenchmark implements Callable<Integer> {
  @Option(names = "--rpc", required = true, description = "The node's JSON-RPC over HTTP.")
  URI rpc;

  @Mixin StoreOptions store;

  @Option(names = "--runs", defaultValue = "3", description = "Runs (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--batch-blocks",
      defaultValue = "" + IngestConfig.DEFAULT_MAX_BLOCKS_PER_BATCH,
      description = "The ingester's widest block range (default: ${DEFAULT-VALUE}).")
  int batchBlocks;

  @Override
  public Integer call() throws Exception {
    BenchStores stores = store.stores();
    IngestConfig ingest =
        new IngestConfig(
            batchBlocks,
            IngestConfig.DEFAULT_POLL_INTERVAL,
            IngestConfig.DEFAULT_MIN_BACKOFF,
            IngestConfig.DEFAULT_MAX_BACKOFF);
    List<Backfill.Result> results = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Backfill.Result result = once(stores.fresh("backfill_" + i), ingest);
      results.add(result);
      System.out.printf(
          "run %d: %s: %,d events in %,d blocks in %.2f s = %,.0f events/s, %,.0f blocks/s"
              + " (%d batches, node %.0f %%, decode+store %.0f %%)%n",
          i,
          stores.engine(),
          result.events(),
          result.blocks(),
          result.seconds(),
          result.events() / result.seconds(),
          result.blocks() / result.seconds(),
          result.batches(),
          100 * result.nodeSeconds() / result.seconds(),
          100 * (result.seconds() - result.nodeSeconds()) / result.seconds());
    }
    System.out.printf(
        "median over %d runs: %s: %,.0f events/s, %,.0f blocks/s%n",
        runs,
        stores.engine(),
        Medians.of(results.stream().map(Backfill.Result::eventsPerSecond).toList()),
        Medians.of(results.stream().map(Backfill.Result::blocksPerSecond).toList()));
    return 0;
  }

  private Backfill.Result once(StoreLocation location, IngestConfig ingest) throws NodeException {
    try (Database database = Database.open(StoreConfig.of(location))) {
      return Backfill.run(rpc, database, ingest);
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BackfillBenchmark()).execute(args));
  }
}

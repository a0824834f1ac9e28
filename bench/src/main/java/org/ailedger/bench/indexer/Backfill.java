package org.ailedger.bench.indexer;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.EventDecoder;
import org.ailedger.indexer.ingest.GenesisReader;
import org.ailedger.indexer.ingest.IngestConfig;
import org.ailedger.indexer.ingest.IngestObserver;
import org.ailedger.indexer.ingest.Ingester;
import org.ailedger.indexer.ingest.JsonRpcChainSource;
import org.ailedger.indexer.ingest.JsonRpcClient;
import org.ailedger.indexer.ingest.NodeException;
import org.ailedger.indexer.store.Block;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.LedgerWriter;

/**
 * One back-fill with the production ingester, writer and decoder: from the store's cursor (or an
 * empty store) to the node's head as it was when the back-fill started.
 */
final class Backfill {
  private Backfill() {}

  /** What one back-fill did and how long it took. */
  record Result(long events, long blocks, double seconds, double nodeSeconds, int batches) {
    double eventsPerSecond() {
      return events / seconds;
    }

    double blocksPerSecond() {
      return blocks / seconds;
    }
  }

  static Result run(URI rpc, Database database, IngestConfig ingest) throws NodeException {
    TimedChainSource node =
        new TimedChainSource(
            new JsonRpcChainSource(
                new JsonRpcClient(rpc, HttpClient.newHttpClient(), Duration.ofMinutes(5))));
    long target = node.headNumber();
    Counting counting = new Counting();
    Ingester ingester =
        new Ingester(
            node,
            new GenesisReader(node),
            new LedgerWriter(database),
            EventDecoder.nativeContracts(),
            ingest,
            counting);
    long nodeBefore = node.nanos();
    long start = System.nanoTime();
    while (counting.indexed < target) {
      if (ingester.step() instanceof Ingester.Next.Never) {
        throw new IllegalStateException("ingestion halted: " + ingester.status());
      }
      if (counting.storeFailures > 0) {
        throw new IllegalStateException("the store failed: " + ingester.status());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(
        counting.events,
        counting.indexed,
        seconds,
        (node.nanos() - nodeBefore) / 1e9,
        counting.batches);
  }

  /** Counts what the ingester committed and where it stands. */
  private static final class Counting implements IngestObserver {
    long events;
    long indexed;
    int batches;
    int storeFailures;

    @Override
    public void committed(List<DecodedLog> batch, Duration took) {
      events += batch.size();
      batches++;
    }

    @Override
    public void position(Block indexedBlock, Block head) {
      indexed = indexedBlock.number();
    }

    @Override
    public void storeFailed() {
      storeFailures++;
    }
  }
}

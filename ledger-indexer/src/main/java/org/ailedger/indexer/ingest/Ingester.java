package org.ailedger.indexer.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.EventDecoder;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.indexer.event.RawLog;
import org.ailedger.indexer.store.Batch;
import org.ailedger.indexer.store.Block;
import org.ailedger.indexer.store.ChainIdentity;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the store's cursor along the node's chain, one bounded block range per {@link #step()}: it
 * reads the range's logs, checks that the node's block at the cursor still has the stored hash,
 * decodes the logs and commits rows, blocks, outbox and the new cursor in one transaction.
 *
 * <p>A node that is unreachable, failing or behind the cursor is retried with back-off. A node
 * whose block at the cursor (or at 0) has another hash serves a different chain: the ingester
 * halts, says so at ERROR, and writes nothing more.
 *
 * <p>Not thread-safe: {@link IngestLoop} calls {@link #step()} from its one writer thread; {@link
 * #status()} may be read from any thread.
 */
public final class Ingester {
  private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);

  private final ChainSource chain;
  private final GenesisSource genesis;
  private final LedgerWriter writer;
  private final EventDecoder decoder;
  private final IngestConfig config;
  private final IngestObserver observer;
  private final List<EthAddress> contracts =
      Arrays.stream(NativeContract.values()).map(NativeContract::address).toList();
  private final AtomicReference<IngestStatus> status =
      new AtomicReference<>(new IngestStatus.Starting(Optional.empty()));
  private boolean chainVerified;
  private int failures;
  private String lastFailure;

  public Ingester(
      ChainSource chain,
      GenesisSource genesis,
      LedgerWriter writer,
      EventDecoder decoder,
      IngestConfig config) {
    this(chain, genesis, writer, decoder, config, IngestObserver.NONE);
  }

  /**
   * @param observer told of every commit, position and store failure (the metrics)
   */
  public Ingester(
      ChainSource chain,
      GenesisSource genesis,
      LedgerWriter writer,
      EventDecoder decoder,
      IngestConfig config,
      IngestObserver observer) {
    this.chain = chain;
    this.genesis = genesis;
    this.writer = writer;
    this.decoder = decoder;
    this.config = config;
    this.observer = observer;
  }

  /** What to do after a step. */
  public sealed interface Next {
    /** More blocks are waiting: step again at once. */
    record Now() implements Next {}

    /** Caught up, or retrying: step again after the delay. */
    record After(Duration delay) implements Next {}

    /** Halted: never step again. */
    record Never() implements Next {}
  }

  public IngestStatus status() {
    return status.get();
  }

  /**
   * Marks the ingester halted by a failure no step expects (a bug), so health reports it instead of
   * the last good state.
   */
  void crashed(RuntimeException bug) {
    status.set(
        new IngestStatus.Halted(status.get().cursor(), "ingestion failed unexpectedly: " + bug));
  }

  /** Marks the ingester stopped by its owner; a later step does nothing. */
  void stopped() {
    // a halt says more than "stopped": it stays what health reports
    status.updateAndGet(
        current ->
            current instanceof IngestStatus.Halted
                ? current
                : new IngestStatus.Stopped(current.cursor()));
  }

  /** Ingests at most one batch. Never throws for a node's or the store's trouble. */
  public Next step() {
    if (status.get() instanceof IngestStatus.Halted
        || status.get() instanceof IngestStatus.Stopped) {
      return new Next.Never();
    }
    Optional<Cursor> stored = Optional.empty();
    try {
      stored = writer.cursor();
      if (stored.isEmpty()) {
        seedGenesis();
        return new Next.Now();
      }
      if (!chainVerified) {
        if (!verifyChain(stored.get())) {
          return new Next.Never();
        }
        chainVerified = true;
      }
      return advance(stored.get());
    } catch (NodeException e) {
      return retry(stored, e.getMessage());
    } catch (StoreException e) {
      observer.storeFailed();
      return retry(stored, "store: " + e.getMessage());
    }
  }

  private void seedGenesis() throws NodeException {
    Block block0 = chain.blocks(List.of(0L)).get(0L);
    long chainId = chain.chainId();
    writer.seedGenesis(genesis.read(block0, chainId));
    chainVerified = true;
    LOG.info("seeded the store with the genesis state of chain {} ({})", chainId, block0.hash());
  }

  /** Compares the stored genesis with the node's; halts on a different chain. */
  private boolean verifyChain(Cursor cursor) throws NodeException {
    Optional<ChainIdentity> stored = writer.chain();
    Block block0 = chain.blocks(List.of(0L)).get(0L);
    if (stored.isPresent() && !stored.get().genesisHash().equals(block0.hash())) {
      halt(
          cursor,
          "the node's genesis block "
              + block0.hash()
              + " is not the stored chain's "
              + stored.get().genesisHash());
      return false;
    }
    return true;
  }

  private Next advance(Cursor cursor) throws NodeException {
    long started = System.nanoTime();
    long head = chain.headNumber();
    if (head < cursor.blockNumber()) {
      return retry(
          Optional.of(cursor),
          "the node's head " + head + " is behind the indexed block " + cursor.blockNumber());
    }
    long last = Math.min(head, cursor.blockNumber() + config.maxBlocksPerBatch());
    List<RawLog> logs =
        last > cursor.blockNumber()
            ? chain.logs(cursor.blockNumber() + 1, last, contracts)
            : List.of();
    TreeSet<Long> numbers = new TreeSet<>(List.of(cursor.blockNumber(), last));
    logs.forEach(log -> numbers.add(log.position().blockNumber()));
    // the head's header rides in the same batch: its timestamp gives the lag in seconds
    TreeSet<Long> fetched = new TreeSet<>(numbers);
    fetched.add(head);
    Map<Long, Block> blocks = chain.blocks(fetched);

    Block atCursor = blocks.get(cursor.blockNumber());
    if (!atCursor.hash().equals(cursor.blockHash())) {
      halt(
          cursor,
          "the node's block "
              + cursor.blockNumber()
              + " is "
              + atCursor.hash()
              + ", the store indexed "
              + cursor.blockHash()
              + ": the node serves a different chain");
      return new Next.Never();
    }
    if (last == cursor.blockNumber()) {
      observer.position(atCursor, blocks.get(head));
      following(cursor, head);
      return new Next.After(config.pollInterval());
    }
    for (RawLog log : logs) {
      Block block = blocks.get(log.position().blockNumber());
      if (block == null || !block.hash().equals(log.position().blockHash())) {
        return retry(
            Optional.of(cursor),
            "block " + log.position().blockNumber() + " changed while its logs were read");
      }
    }
    List<DecodedLog> events = new ArrayList<>(logs.size());
    for (RawLog log : logs) {
      decoder.decode(log).ifPresent(events::add);
    }
    List<Block> kept =
        numbers.stream()
            .filter(n -> n > cursor.blockNumber() && n < last)
            .map(blocks::get)
            .toList();
    Batch batch = new Batch(cursor, blocks.get(last), kept, events);
    writer.commit(batch);
    observer.committed(events, Duration.ofNanos(System.nanoTime() - started));
    observer.position(blocks.get(last), blocks.get(head));
    LOG.info(
        "indexed blocks {}..{}: {} events (node at {})",
        cursor.blockNumber() + 1,
        last,
        events.size(),
        head);
    following(batch.cursor(), head);
    return last < head ? new Next.Now() : new Next.After(config.pollInterval());
  }

  private void following(Cursor cursor, long head) {
    if (failures > 0) {
      LOG.info("the node answers again after {} failed attempt(s)", failures);
    }
    failures = 0;
    lastFailure = null;
    status.set(new IngestStatus.Following(Optional.of(cursor), head));
  }

  private Next retry(Optional<Cursor> cursor, String reason) {
    failures++;
    Duration wait = config.backoff(failures);
    if (!reason.equals(lastFailure)) {
      LOG.warn("ingestion waits: {}; retrying in {} ms", reason, wait.toMillis());
      lastFailure = reason;
    } else {
      LOG.debug("ingestion still waits ({} attempts): {}", failures, reason);
    }
    status.set(new IngestStatus.Retrying(cursor, reason, failures, wait));
    return new Next.After(wait);
  }

  private void halt(Cursor cursor, String reason) {
    LOG.error(
        "ingestion stopped: {}. Point the indexer at a node of the indexed chain, or at a fresh store.",
        reason);
    status.set(new IngestStatus.Halted(Optional.of(cursor), reason));
  }
}

package org.ailedger.indexer.store;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.indexer.event.DataProvenanceEvent;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.LedgerEvent;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.ModelRegistryEvent;
import org.ailedger.indexer.event.TokenEvent;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A growing chain for stream tests: each {@link #commit} writes the next blocks through the real
 * writer, its events cycling through a token transfer, an update submission and a dataset
 * endorsement (three contracts), and answers their stream ids in chain order.
 */
public final class EventBatches {
  private final LedgerWriter writer;
  private Cursor cursor;
  private long sequence;

  private EventBatches(LedgerWriter writer, Cursor cursor) {
    this.writer = writer;
    this.cursor = cursor;
  }

  /** Seeds the genesis state through {@code writer}. */
  public static EventBatches seeded(LedgerWriter writer) {
    writer.seedGenesis(SampleEvents.genesis());
    return new EventBatches(writer, SampleEvents.genesisBlock().cursor());
  }

  /** The event names in the order {@link #commit} cycles through them. */
  public static final List<String> CYCLE =
      List.of("Transfer", "UpdateSubmitted", "DatasetEndorsed");

  /** Commits {@code blocks} blocks of {@code perBlock} events each; returns the new events. */
  public List<Committed> commit(int blocks, int perBlock) {
    List<Block> kept = new ArrayList<>();
    List<DecodedLog> events = new ArrayList<>();
    List<Committed> committed = new ArrayList<>();
    long first = cursor.blockNumber() + 1;
    for (long number = first; number < first + blocks; number++) {
      Block block = SampleEvents.block(number);
      if (number < first + blocks - 1) {
        kept.add(block);
      }
      for (int index = 0; index < perBlock; index++) {
        LedgerEvent event = next();
        Bytes32 tx = SampleEvents.id("tx " + number + " " + index);
        events.add(new DecodedLog(new LogPosition(number, index, block.hash(), tx, index), event));
        committed.add(new Committed(number + ":" + index, event.eventName()));
      }
    }
    Batch batch = new Batch(cursor, SampleEvents.block(first + blocks - 1), kept, events);
    writer.commit(batch);
    cursor = batch.cursor();
    return committed;
  }

  public Cursor cursor() {
    return cursor;
  }

  private LedgerEvent next() {
    long n = sequence++;
    return switch ((int) (n % 3)) {
      case 0 ->
          new TokenEvent.Transfer(
              SampleEvents.address(1), SampleEvents.address(2), BigInteger.valueOf(n));
      case 1 ->
          new ModelRegistryEvent.UpdateSubmitted(
              SampleEvents.MODEL,
              n, // one update per round: updates are unique per model, round and contributor
              SampleEvents.CONTRIBUTOR,
              SampleEvents.id("update " + n),
              BigInteger.valueOf(n));
      default ->
          new DataProvenanceEvent.DatasetEndorsed(
              SampleEvents.id("dataset " + n), SampleEvents.AUDITOR);
    };
  }

  /** An event as the stream must show it: its id and name. */
  public record Committed(String id, String event) {}
}

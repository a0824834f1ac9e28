package org.ailedger.indexer.stream;

import java.time.Duration;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.Outbox;

/**
 * The event stream's bounds.
 *
 * @param maxClients how many streams may be open at once; one more is refused with a 503 problem
 * @param writeQueueBytes how much a live client's connection may hold unsent before the client
 *     counts as too slow and is disconnected (it resumes with {@code Last-Event-ID})
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open
 * @param pageSize how many outbox entries one read fetches, for a replay and for the live tail
 * @param outboxRetentionBlocks how many of the latest blocks' events stay in the outbox, and so how
 *     far back a client can resume; older ones are pruned as blocks are indexed
 * @param replayStall how long a replaying client's connection may stay full without taking anything
 *     before the client is disconnected, so that one that stopped reading does not hold its slot
 *     (and its place in the replay) for ever
 */
public record StreamConfig(
    int maxClients,
    int writeQueueBytes,
    Duration heartbeat,
    int pageSize,
    long outboxRetentionBlocks,
    Duration replayStall) {
  public static final int DEFAULT_MAX_CLIENTS = 256;

  /** Well above one live page of events, so only a client that stops reading fills it. */
  public static final int DEFAULT_WRITE_QUEUE_BYTES = 1024 * 1024;

  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
  public static final int DEFAULT_PAGE_SIZE = 500;

  /**
   * A reader that takes nothing for a minute has stopped; one that is merely slow drains something
   * well within it (a drain needs only half of the write queue sent).
   */
  public static final Duration DEFAULT_REPLAY_STALL = Duration.ofSeconds(60);

  public StreamConfig {
    if (maxClients < 1) {
      throw new IllegalArgumentException("maxClients < 1: " + maxClients);
    }
    if (writeQueueBytes < 1024) {
      throw new IllegalArgumentException("writeQueueBytes < 1024: " + writeQueueBytes);
    }
    if (heartbeat == null || heartbeat.toMillis() < 1) {
      throw new IllegalArgumentException("heartbeat must be at least 1 ms: " + heartbeat);
    }
    if (pageSize < 1 || pageSize > Outbox.MAX_PAGE) {
      throw new IllegalArgumentException(
          "pageSize outside 1.." + Outbox.MAX_PAGE + ": " + pageSize);
    }
    if (outboxRetentionBlocks < 1) {
      throw new IllegalArgumentException("outboxRetentionBlocks < 1: " + outboxRetentionBlocks);
    }
    if (replayStall == null || replayStall.toMillis() < 1) {
      throw new IllegalArgumentException("replayStall must be at least 1 ms: " + replayStall);
    }
  }

  public static StreamConfig defaults() {
    return new StreamConfig(
        DEFAULT_MAX_CLIENTS,
        DEFAULT_WRITE_QUEUE_BYTES,
        DEFAULT_HEARTBEAT,
        DEFAULT_PAGE_SIZE,
        LedgerWriter.DEFAULT_OUTBOX_RETENTION_BLOCKS,
        DEFAULT_REPLAY_STALL);
  }
}

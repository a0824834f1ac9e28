package org.ailedger.indexer.ingest;

import java.time.Duration;
import java.util.Optional;
import org.ailedger.indexer.store.Cursor;

/** Where ingestion stands; what {@code /v1/health} will serve. */
public sealed interface IngestStatus {
  /** The last block whose events are stored, if any. */
  Optional<Cursor> cursor();

  /** Not yet in contact with the node. */
  record Starting(Optional<Cursor> cursor) implements IngestStatus {}

  /** Reading the chain; caught up when the cursor is at the node's head. */
  record Following(Optional<Cursor> cursor, long nodeHead) implements IngestStatus {
    public boolean caughtUp() {
      return cursor.map(c -> c.blockNumber() >= nodeHead).orElse(false);
    }
  }

  /** The node is unreachable, failing or behind the cursor; the ingester tries again. */
  record Retrying(Optional<Cursor> cursor, String reason, int attempt, Duration retryIn)
      implements IngestStatus {}

  /**
   * Ingestion stopped for good: the node serves a different chain than the store holds, or a step
   * failed in a way no retry can mend. Nothing more is written until an operator acts (points the
   * indexer at the right node or a fresh store, or reports the failure).
   */
  record Halted(Optional<Cursor> cursor, String reason) implements IngestStatus {}

  /** Closed by its owner. */
  record Stopped(Optional<Cursor> cursor) implements IngestStatus {}
}

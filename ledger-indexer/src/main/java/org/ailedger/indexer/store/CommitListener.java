package org.ailedger.indexer.store;

/**
 * Told by the {@link LedgerWriter} after each transaction that moved the cursor has committed, so
 * readers waiting for new rows (the event stream) wake up instead of polling the store. Called on
 * the writer's thread: it must return at once.
 */
@FunctionalInterface
public interface CommitListener {
  CommitListener NONE = cursor -> {};

  /** Rows, outbox and the cursor up to {@code cursor} are committed and visible to readers. */
  void committed(Cursor cursor);
}

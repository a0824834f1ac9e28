package org.ailedger.indexer.stream;

import java.util.Optional;
import org.ailedger.indexer.store.EventId;

/** Whether a client's stream was opened, or why not. */
public sealed interface Admission {
  /** The stream is open; the client receives its events from now on. */
  record Admitted() implements Admission {}

  /** Every one of the {@code limit} streams is taken. */
  record TooManyClients(int limit) implements Admission {}

  /**
   * The client asks to resume after {@code after}, but events after it were pruned from the outbox:
   * only blocks from {@code retainedFromBlock} on can be replayed, so resuming would skip events.
   */
  record EventsPruned(EventId after, long retainedFromBlock) implements Admission {}

  /**
   * The client asks to resume after {@code after}, a block this store has not indexed: the id is
   * not from this store's chain as it stands (the store was reset or restored, or the id comes from
   * another indexer or chain). Waiting for it would skip every event up to it unseen.
   *
   * @param indexedBlock the last indexed block; empty before the genesis state is stored
   */
  record IdAhead(EventId after, Optional<Long> indexedBlock) implements Admission {}
}

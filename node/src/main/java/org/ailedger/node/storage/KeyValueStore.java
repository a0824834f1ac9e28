package org.ailedger.node.storage;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * The node's persistent key-value store, split into {@link Column}s. Writes go only through a
 * {@link WriteBatch}, so that everything one block changes — header, body, receipts, indexes, trie
 * nodes and the new head — becomes visible and durable together or not at all.
 *
 * <p>Implementations are thread-safe. Using a store after {@link #close()} throws {@link
 * IllegalStateException}.
 */
public interface KeyValueStore extends AutoCloseable {
  /** The value stored under {@code key} in {@code column}, or empty if there is none. */
  Optional<Bytes> get(Column column, Bytes key);

  /** Starts a new batch of writes; nothing in it is visible until {@link WriteBatch#commit()}. */
  WriteBatch batch();

  /** Releases the store's resources; idempotent. */
  @Override
  void close();
}

package org.ailedger.node.storage;

import org.apache.tuweni.bytes.Bytes;

/**
 * Writes collected for one atomic commit. Operations apply in the order they were added, so a
 * delete after a put of the same key leaves the key absent. A batch is used once: after {@link
 * #commit()} — whether it succeeded or threw — every further call throws {@link
 * IllegalStateException}. A batch that is never committed changes nothing and holds no native
 * resources. A batch is meant for one thread.
 */
public interface WriteBatch {
  WriteBatch put(Column column, Bytes key, Bytes value);

  WriteBatch delete(Column column, Bytes key);

  /**
   * Applies every operation of the batch atomically: readers and a restart after a crash see all of
   * it or none of it.
   *
   * @throws StorageException if the storage engine fails; then nothing of the batch was applied
   */
  void commit();
}

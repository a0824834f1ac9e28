package org.ailedger.node.storage;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.tuweni.bytes.Bytes;

/**
 * A {@link KeyValueStore} on the heap, for tests and in-process simulations. One read-write lock
 * makes each batch atomic for readers: a reader sees the store before or after a commit, never in
 * between.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Column, Map<Bytes, Bytes>> columns = new EnumMap<>(Column.class);
  private boolean closed;

  public InMemoryKeyValueStore() {
    for (Column column : Column.values()) {
      columns.put(column, new HashMap<>());
    }
  }

  @Override
  public Optional<Bytes> get(Column column, Bytes key) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(key, "key");
    lock.readLock().lock();
    try {
      checkOpen();
      return Optional.ofNullable(columns.get(column).get(key));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public WriteBatch batch() {
    lock.readLock().lock();
    try {
      checkOpen();
    } finally {
      lock.readLock().unlock();
    }
    return new BufferedWriteBatch(this::apply);
  }

  private void apply(List<BufferedWriteBatch.Mutation> mutations) {
    lock.writeLock().lock();
    try {
      checkOpen();
      for (BufferedWriteBatch.Mutation mutation : mutations) {
        Map<Bytes, Bytes> column = columns.get(mutation.column());
        switch (mutation) {
          case BufferedWriteBatch.Put put -> column.put(put.key(), put.value());
          case BufferedWriteBatch.Delete delete -> column.remove(delete.key());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      columns.values().forEach(Map::clear);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
  }
}

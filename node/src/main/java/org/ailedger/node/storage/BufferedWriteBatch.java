package org.ailedger.node.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;

/**
 * A batch that collects operations on the Java heap and hands them to its store in one call on
 * commit. Buffering here rather than in a native RocksDB batch means an abandoned batch leaks
 * nothing and both stores share one implementation of the use-once rule.
 */
final class BufferedWriteBatch implements WriteBatch {
  /** One buffered operation. */
  sealed interface Mutation {
    Column column();

    Bytes key();
  }

  record Put(Column column, Bytes key, Bytes value) implements Mutation {}

  record Delete(Column column, Bytes key) implements Mutation {}

  private final Consumer<List<Mutation>> committer;
  private final List<Mutation> mutations = new ArrayList<>();
  private boolean spent;

  BufferedWriteBatch(Consumer<List<Mutation>> committer) {
    this.committer = committer;
  }

  @Override
  public WriteBatch put(Column column, Bytes key, Bytes value) {
    checkUsable();
    // copies: the caller may reuse the arrays behind its Bytes before the commit
    mutations.add(
        new Put(
            Objects.requireNonNull(column, "column"),
            Objects.requireNonNull(key, "key").copy(),
            Objects.requireNonNull(value, "value").copy()));
    return this;
  }

  @Override
  public WriteBatch delete(Column column, Bytes key) {
    checkUsable();
    mutations.add(
        new Delete(
            Objects.requireNonNull(column, "column"), Objects.requireNonNull(key, "key").copy()));
    return this;
  }

  @Override
  public void commit() {
    checkUsable();
    spent = true;
    committer.accept(List.copyOf(mutations));
    mutations.clear();
  }

  private void checkUsable() {
    if (spent) {
      throw new IllegalStateException("this write batch was already committed; start a new one");
    }
  }
}

package org.ailedger.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.state.trie.SecureMerklePatriciaTrie;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secure trie throughput with random 32-byte keys and values, the shape of storage slots: building
 * a 10,000-entry trie and hashing it, committing such a trie, and the per-block work of updating a
 * committed trie, hashing and committing again.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TrieBenchmark {
  private static final int ENTRIES = 10_000;
  private static final int UPDATES_PER_BLOCK = 200;

  private Bytes32[] keys;
  private Bytes32[] values;
  private SecureMerklePatriciaTrie dirty;
  private SecureMerklePatriciaTrie committed;
  private Random updates;

  @Setup(Level.Trial)
  public void createEntries() {
    Random random = new Random(42);
    keys = new Bytes32[ENTRIES];
    values = new Bytes32[ENTRIES];
    for (int i = 0; i < ENTRIES; i++) {
      keys[i] = random32(random);
      values[i] = random32(random);
    }
    committed = filled();
    committed.commit((hash, node) -> {});
    updates = new Random(7);
  }

  /** A trie with every entry and nothing committed, rebuilt outside the measured time. */
  @Setup(Level.Invocation)
  public void createDirtyTrie() {
    dirty = filled();
  }

  /** Inserts per second: 10,000 puts into an empty trie, then its root hash. */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public Bytes32 insertThenRootHash() {
    return filled().rootHash();
  }

  /** Commits per second of a fresh 10,000-entry trie: root hash and every node into a map. */
  @Benchmark
  public int rootHashAndCommit() {
    Map<Bytes32, Bytes> store = new HashMap<>();
    dirty.rootHash();
    dirty.commit(store::put);
    return store.size();
  }

  /** Blocks per second: 200 value updates in a committed 10,000-entry trie, hash, commit. */
  @Benchmark
  public int updateBlockThenCommit() {
    for (int i = 0; i < UPDATES_PER_BLOCK; i++) {
      committed.put(keys[updates.nextInt(ENTRIES)], random32(updates));
    }
    Map<Bytes32, Bytes> store = new HashMap<>();
    committed.rootHash();
    committed.commit(store::put);
    return store.size();
  }

  private SecureMerklePatriciaTrie filled() {
    SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.empty();
    for (int i = 0; i < ENTRIES; i++) {
      trie.put(keys[i], values[i]);
    }
    return trie;
  }

  private static Bytes32 random32(Random random) {
    byte[] bytes = new byte[Bytes32.SIZE];
    random.nextBytes(bytes);
    return Bytes32.wrap(bytes);
  }
}

package org.ailedger.node.state.trie;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A {@link MerklePatriciaTrie} whose keys are first hashed with keccak256, as the state and storage
 * tries are: paths have a fixed length and callers cannot choose keys that make the trie deep. The
 * trie stores only the hashes, so the original keys cannot be listed back.
 *
 * <p>A block reads a slot, writes it and commits it, hashing its key each time; the hashes of keys
 * seen are kept (up to {@link #MAX_REMEMBERED_KEYS}, then forgotten all at once), as a trie lives
 * for one block or one read.
 *
 * <p>Not thread-safe, like the trie it wraps.
 */
public final class SecureMerklePatriciaTrie {
  /** Hashed keys kept per trie: a block of 4,000 submissions touches about 40,000 slots. */
  static final int MAX_REMEMBERED_KEYS = 1 << 16;

  private final MerklePatriciaTrie trie;
  private final Map<Bytes, Bytes32> hashedKeys = new HashMap<>();

  /** The secure trie whose root node has hash {@code rootHash}, loading nodes on access. */
  public SecureMerklePatriciaTrie(TrieNodeLoader loader, Bytes32 rootHash) {
    this.trie = new MerklePatriciaTrie(loader, rootHash);
  }

  private SecureMerklePatriciaTrie(MerklePatriciaTrie trie) {
    this.trie = trie;
  }

  /** A new secure trie without keys and without a node store behind it. */
  public static SecureMerklePatriciaTrie empty() {
    return new SecureMerklePatriciaTrie(MerklePatriciaTrie.empty());
  }

  /** See {@link MerklePatriciaTrie#get}. */
  public Optional<Bytes> get(Bytes key) {
    return trie.get(hashed(key));
  }

  /** See {@link MerklePatriciaTrie#put}; an empty value removes the key. */
  public void put(Bytes key, Bytes value) {
    trie.put(hashed(key), value);
  }

  /** See {@link MerklePatriciaTrie#remove}. */
  public void remove(Bytes key) {
    trie.remove(hashed(key));
  }

  /** See {@link MerklePatriciaTrie#rootHash}. */
  public Bytes32 rootHash() {
    return trie.rootHash();
  }

  /** See {@link MerklePatriciaTrie#commit}. */
  public void commit(BiConsumer<Bytes32, Bytes> sink) {
    trie.commit(sink);
  }

  /**
   * Visits every entry in ascending order of hashed key, passing the keccak256 of each key (the
   * original keys are not stored); for state dumps and debugging.
   */
  public void forEachHashed(BiConsumer<Bytes32, Bytes> visitor) {
    trie.forEach((key, value) -> visitor.accept(Bytes32.wrap(key), value));
  }

  private Bytes32 hashed(Bytes key) {
    Bytes32 hash = hashedKeys.get(key);
    if (hash == null) {
      if (hashedKeys.size() >= MAX_REMEMBERED_KEYS) {
        hashedKeys.clear();
      }
      hash = Keccak.hash(key);
      // the caller may reuse the array behind its key
      hashedKeys.put(key.copy(), hash);
    }
    return hash;
  }
}

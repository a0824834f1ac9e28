package org.ailedger.node.state.trie;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The Ethereum Merkle Patricia Trie of the yellow paper (appendix D): a map from byte keys to
 * non-empty byte values whose root hash commits to the whole content.
 *
 * <p>Nodes are loaded from the {@link TrieNodeLoader} only when an operation reaches them, and stay
 * in memory for the life of this object. Updates are kept in memory until {@link #commit} hands the
 * new nodes to a sink. Encodings and hashes are cached per node and only the nodes on changed paths
 * are re-hashed, so {@link #rootHash} after a few updates costs a few hashes.
 *
 * <p>Not thread-safe: confine an instance to one thread, or guard every call (reads included, since
 * they load and cache nodes) with the same lock.
 */
public final class MerklePatriciaTrie {
  /** keccak256(RLP("")): the root of the trie without keys. */
  public static final Bytes32 EMPTY_ROOT =
      Bytes32.fromHexString("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  private static final TrieNodeLoader NO_NODES = hash -> Optional.empty();

  private Node root;

  /**
   * The trie whose root node has hash {@code rootHash}, loading nodes from {@code loader} on
   * access. Nothing is loaded here: a missing root surfaces on first access as a {@link
   * MissingTrieNodeException}.
   */
  public MerklePatriciaTrie(TrieNodeLoader loader, Bytes32 rootHash) {
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(rootHash, "rootHash");
    this.root = rootHash.equals(EMPTY_ROOT) ? NullNode.INSTANCE : new HashNode(rootHash, loader);
  }

  /** A new trie without keys and without a node store behind it. */
  public static MerklePatriciaTrie empty() {
    return new MerklePatriciaTrie(NO_NODES, EMPTY_ROOT);
  }

  /**
   * The value stored under {@code key}, if any.
   *
   * @throws MissingTrieNodeException if a node on the key's path is not in the store
   */
  public Optional<Bytes> get(Bytes key) {
    return root.get(Nibbles.fromKey(Objects.requireNonNull(key, "key")));
  }

  /** Stores {@code value} under {@code key}; an empty value removes the key instead. */
  public void put(Bytes key, Bytes value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      remove(key);
      return;
    }
    // a real copy: the caller may reuse the array behind the value, and Bytes.copy() of a wrapped
    // array returns the same wrapper
    root = root.put(Nibbles.fromKey(key), Bytes.wrap(value.toArray()));
  }

  /** Removes {@code key}; nothing happens if it is absent. */
  public void remove(Bytes key) {
    root = root.remove(Nibbles.fromKey(Objects.requireNonNull(key, "key")));
  }

  /** The yellow-paper root hash: keccak256 of the root node's RLP. */
  public Bytes32 rootHash() {
    return root.hash();
  }

  /**
   * Hands {@code sink} every node created or changed since construction or the previous commit
   * whose RLP is at least 32 bytes (shorter ones live inside their parent), plus the root node
   * always, whatever its size. Each node is keyed by the keccak256 of its RLP. A store that keeps
   * what it receives can then serve a new trie opened at {@link #rootHash()}.
   */
  public void commit(BiConsumer<Bytes32, Bytes> sink) {
    root.commit(Objects.requireNonNull(sink, "sink"), true);
  }

  /** Visits every key and value in ascending unsigned key order, loading the whole trie. */
  public void forEach(BiConsumer<Bytes, Bytes> visitor) {
    root.forEach(Bytes.EMPTY, Objects.requireNonNull(visitor, "visitor"));
  }
}

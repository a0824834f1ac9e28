package org.ailedger.node.state.trie;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A trie node. Nodes are immutable: an update builds new nodes along the changed path and shares
 * every other node, so a node's encoding and hash never go stale and are cached once computed. Only
 * the new nodes of a dirty path are ever re-encoded and re-hashed.
 *
 * <p>Paths are nibble sequences, one nibble per byte. Operations return {@code this} when nothing
 * changed, which lets callers keep unchanged subtrees (and their cached hashes) as they are.
 */
abstract sealed class Node permits NullNode, LeafNode, ExtensionNode, BranchNode, HashNode {
  /** A reference to a node whose RLP is shorter than this is the RLP itself, not its hash. */
  static final int INLINE_LIMIT = 32;

  /** A 32-byte hash as an RLP string. */
  static final int HASH_REFERENCE_SIZE = 1 + Bytes32.SIZE;

  private Bytes encoded;
  private Bytes32 hash;
  // already in the node store (loaded from it or handed to a commit sink), and so is every
  // descendant
  private boolean persisted;

  abstract Optional<Bytes> get(Bytes path);

  abstract Node put(Bytes path, Bytes value);

  abstract Node remove(Bytes path);

  /** This node reached through {@code prefix} more nibbles, in canonical (collapsed) form. */
  abstract Node prependPath(Bytes prefix);

  abstract void forEach(Bytes prefix, BiConsumer<Bytes, Bytes> visitor);

  /** Computes this node's RLP; called at most once per node. */
  abstract Bytes encode();

  /** Commits the children this node references; see {@link #commit}. */
  abstract void commitChildren(BiConsumer<Bytes32, Bytes> sink);

  /** The node itself, loading it first if it is only known by hash. */
  Node resolved() {
    return this;
  }

  Bytes encoded() {
    if (encoded == null) {
      encoded = encode();
    }
    return encoded;
  }

  Bytes32 hash() {
    if (hash == null) {
      hash = Keccak.hash(encoded());
    }
    return hash;
  }

  /** The size of {@link #writeReference}'s output. */
  int referenceSize() {
    int size = encoded().size();
    return size < INLINE_LIMIT ? size : HASH_REFERENCE_SIZE;
  }

  /**
   * Writes how a parent refers to this node, embedded when short and by hash otherwise, at {@code
   * at}; returns the position after it.
   */
  int writeReference(byte[] out, int at) {
    Bytes rlp = encoded();
    if (rlp.size() < INLINE_LIMIT) {
      return NodeRlp.writeRaw(out, at, rlp);
    }
    return writeHashReference(out, at, hash());
  }

  static int writeHashReference(byte[] out, int at, Bytes32 hash) {
    return NodeRlp.writeString(out, at, hash);
  }

  /**
   * Hands the sink every not yet persisted node of this subtree that is referenced by hash, and
   * this node too when it is the root (a root is always looked up by hash, whatever its size).
   */
  void commit(BiConsumer<Bytes32, Bytes> sink, boolean root) {
    if (persisted && !root) {
      return;
    }
    if (!persisted) {
      commitChildren(sink);
    }
    Bytes rlp = encoded();
    if (root || rlp.size() >= INLINE_LIMIT) {
      sink.accept(hash(), rlp);
    }
    persisted = true;
  }

  /** Marks a node decoded from storage: its RLP and hash are known and it needs no commit. */
  void markLoaded(Bytes rlp, Bytes32 knownHash) {
    encoded = rlp;
    hash = knownHash;
    persisted = true;
  }

  /** Marks a node decoded from inside a stored node: it is persisted as part of its parent. */
  void markPersisted() {
    persisted = true;
  }
}

package org.ailedger.node.state.trie;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A stored node known only by its hash, loaded on first access and kept once loaded. Only nodes
 * referenced by hash (RLP of 32 bytes or more) and roots are ever represented this way, so a parent
 * may always refer to it by hash without loading it.
 */
final class HashNode extends Node {
  private final Bytes32 hash;
  private final TrieNodeLoader loader;
  private Node node;

  HashNode(Bytes32 hash, TrieNodeLoader loader) {
    this.hash = hash;
    this.loader = loader;
  }

  @Override
  Node resolved() {
    if (node == null) {
      Bytes rlp = loader.load(hash).orElseThrow(() -> new MissingTrieNodeException(hash));
      Node loaded = NodeDecoder.decode(hash, rlp, loader);
      loaded.markLoaded(rlp, hash);
      node = loaded;
    }
    return node;
  }

  @Override
  Bytes32 hash() {
    return hash;
  }

  @Override
  Bytes encoded() {
    return resolved().encoded();
  }

  @Override
  int referenceSize() {
    return HASH_REFERENCE_SIZE;
  }

  @Override
  int writeReference(byte[] out, int at) {
    return writeHashReference(out, at, hash);
  }

  @Override
  Optional<Bytes> get(Bytes path) {
    return resolved().get(path);
  }

  @Override
  Node put(Bytes path, Bytes value) {
    Node target = resolved();
    Node updated = target.put(path, value);
    return updated == target ? this : updated;
  }

  @Override
  Node remove(Bytes path) {
    Node target = resolved();
    Node updated = target.remove(path);
    return updated == target ? this : updated;
  }

  @Override
  Node prependPath(Bytes prefix) {
    return resolved().prependPath(prefix);
  }

  @Override
  void forEach(Bytes prefix, BiConsumer<Bytes, Bytes> visitor) {
    resolved().forEach(prefix, visitor);
  }

  @Override
  Bytes encode() {
    return resolved().encoded();
  }

  @Override
  void commitChildren(BiConsumer<Bytes32, Bytes> sink) {}

  @Override
  void commit(BiConsumer<Bytes32, Bytes> sink, boolean root) {
    // already stored; a root is handed over again all the same, which needs its RLP
    if (root) {
      resolved().commit(sink, true);
    }
  }
}

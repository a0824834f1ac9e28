package org.ailedger.node.state.trie;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;

/** The empty trie, and an empty slot of a branch. Encoded as the empty RLP string. */
final class NullNode extends Node {
  static final NullNode INSTANCE = new NullNode();

  private NullNode() {}

  @Override
  Optional<Bytes> get(Bytes path) {
    return Optional.empty();
  }

  @Override
  Node put(Bytes path, Bytes value) {
    return new LeafNode(path, value);
  }

  @Override
  Node remove(Bytes path) {
    return this;
  }

  @Override
  Node prependPath(Bytes prefix) {
    return this;
  }

  @Override
  void forEach(Bytes prefix, BiConsumer<Bytes, Bytes> visitor) {}

  @Override
  Bytes encode() {
    return RLP.encodeValue(Bytes.EMPTY);
  }

  @Override
  void commitChildren(BiConsumer<Bytes32, Bytes> sink) {}

  @Override
  void commit(BiConsumer<Bytes32, Bytes> sink, boolean root) {
    // the shared instance carries no commit state; as a root it is still handed over
    if (root) {
      sink.accept(hash(), encoded());
    }
  }
}

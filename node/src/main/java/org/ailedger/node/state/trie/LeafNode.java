package org.ailedger.node.state.trie;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** The rest of a key's path and its value: RLP([hexPrefix(path, leaf), value]). */
final class LeafNode extends Node {
  private final Bytes path;
  private final Bytes value;

  LeafNode(Bytes path, Bytes value) {
    this.path = path;
    this.value = value;
  }

  @Override
  Optional<Bytes> get(Bytes key) {
    return key.equals(path) ? Optional.of(value) : Optional.empty();
  }

  @Override
  Node put(Bytes key, Bytes newValue) {
    int common = path.commonPrefixLength(key);
    if (common == path.size() && common == key.size()) {
      return newValue.equals(value) ? this : new LeafNode(path, newValue);
    }
    Node[] children = BranchNode.emptyChildren();
    Bytes branchValue = Bytes.EMPTY;
    if (common == path.size()) {
      branchValue = value;
    } else {
      children[path.get(common)] = new LeafNode(path.slice(common + 1), value);
    }
    if (common == key.size()) {
      branchValue = newValue;
    } else {
      children[key.get(common)] = new LeafNode(key.slice(common + 1), newValue);
    }
    Node branch = new BranchNode(children, branchValue);
    return common == 0 ? branch : new ExtensionNode(key.slice(0, common), branch);
  }

  @Override
  Node remove(Bytes key) {
    return key.equals(path) ? NullNode.INSTANCE : this;
  }

  @Override
  Node prependPath(Bytes prefix) {
    return prefix.isEmpty() ? this : new LeafNode(Bytes.concatenate(prefix, path), value);
  }

  @Override
  void forEach(Bytes prefix, BiConsumer<Bytes, Bytes> visitor) {
    visitor.accept(Nibbles.toKey(Bytes.concatenate(prefix, path)), value);
  }

  @Override
  Bytes encode() {
    Bytes encodedPath = HexPrefix.encode(path, true);
    int payload = NodeRlp.stringSize(encodedPath) + NodeRlp.stringSize(value);
    byte[] out = NodeRlp.list(payload);
    int at = NodeRlp.writeString(out, NodeRlp.listPayloadStart(payload), encodedPath);
    NodeRlp.writeString(out, at, value);
    return Bytes.wrap(out);
  }

  @Override
  void commitChildren(BiConsumer<Bytes32, Bytes> sink) {}
}

package org.ailedger.node.state.trie;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A path shared by every key below, leading to one branch: RLP([hexPrefix(path, extension),
 * reference(child)]). The path is never empty and the child is always a branch (or its hash).
 */
final class ExtensionNode extends Node {
  private final Bytes path;
  private final Node child;

  ExtensionNode(Bytes path, Node child) {
    this.path = path;
    this.child = child;
  }

  @Override
  Optional<Bytes> get(Bytes key) {
    return Nibbles.startsWith(key, path) ? child.get(key.slice(path.size())) : Optional.empty();
  }

  @Override
  Node put(Bytes key, Bytes value) {
    int common = path.commonPrefixLength(key);
    if (common == path.size()) {
      Node newChild = child.put(key.slice(common), value);
      return newChild == child ? this : newChild.prependPath(path);
    }
    Node[] children = BranchNode.emptyChildren();
    Bytes rest = path.slice(common + 1);
    children[path.get(common)] = rest.isEmpty() ? child : new ExtensionNode(rest, child);
    Bytes branchValue = Bytes.EMPTY;
    if (common == key.size()) {
      branchValue = value;
    } else {
      children[key.get(common)] = new LeafNode(key.slice(common + 1), value);
    }
    Node branch = new BranchNode(children, branchValue);
    return common == 0 ? branch : new ExtensionNode(key.slice(0, common), branch);
  }

  @Override
  Node remove(Bytes key) {
    if (!Nibbles.startsWith(key, path)) {
      return this;
    }
    Node newChild = child.remove(key.slice(path.size()));
    return newChild == child ? this : newChild.prependPath(path);
  }

  @Override
  Node prependPath(Bytes prefix) {
    return prefix.isEmpty() ? this : new ExtensionNode(Bytes.concatenate(prefix, path), child);
  }

  @Override
  void forEach(Bytes prefix, BiConsumer<Bytes, Bytes> visitor) {
    child.forEach(Bytes.concatenate(prefix, path), visitor);
  }

  @Override
  Bytes encode() {
    Bytes encodedPath = HexPrefix.encode(path, false);
    int payload = NodeRlp.stringSize(encodedPath) + child.referenceSize();
    byte[] out = NodeRlp.list(payload);
    int at = NodeRlp.writeString(out, NodeRlp.listPayloadStart(payload), encodedPath);
    child.writeReference(out, at);
    return Bytes.wrap(out);
  }

  @Override
  void commitChildren(BiConsumer<Bytes32, Bytes> sink) {
    child.commit(sink, false);
  }
}

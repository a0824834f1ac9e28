package org.ailedger.node.state.trie;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Sixteen children, one per next nibble, plus the value of the key that ends here:
 * RLP([reference(child0) .. reference(child15), value]). An empty value means no key ends here,
 * which is unambiguous because the trie never stores empty values.
 */
final class BranchNode extends Node {
  private static final int RADIX = 16;

  private final Node[] children;
  private final Bytes value;

  /** Takes ownership of {@code children}, which holds {@link NullNode} for empty slots. */
  BranchNode(Node[] children, Bytes value) {
    if (children.length != RADIX) {
      throw new IllegalArgumentException("a branch has 16 children, not " + children.length);
    }
    this.children = children;
    this.value = value;
  }

  static Node[] emptyChildren() {
    Node[] children = new Node[RADIX];
    Arrays.fill(children, NullNode.INSTANCE);
    return children;
  }

  @Override
  Optional<Bytes> get(Bytes path) {
    if (path.isEmpty()) {
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
    return children[path.get(0)].get(path.slice(1));
  }

  @Override
  Node put(Bytes path, Bytes newValue) {
    if (path.isEmpty()) {
      return newValue.equals(value) ? this : new BranchNode(children, newValue);
    }
    int index = path.get(0);
    Node child = children[index];
    Node newChild = child.put(path.slice(1), newValue);
    return newChild == child ? this : new BranchNode(withChild(index, newChild), value);
  }

  @Override
  Node remove(Bytes path) {
    if (path.isEmpty()) {
      return value.isEmpty() ? this : collapse(children, Bytes.EMPTY);
    }
    int index = path.get(0);
    Node child = children[index];
    Node newChild = child.remove(path.slice(1));
    return newChild == child ? this : collapse(withChild(index, newChild), value);
  }

  @Override
  Node prependPath(Bytes prefix) {
    return prefix.isEmpty() ? this : new ExtensionNode(prefix, this);
  }

  @Override
  void forEach(Bytes prefix, BiConsumer<Bytes, Bytes> visitor) {
    if (!value.isEmpty()) {
      visitor.accept(Nibbles.toKey(prefix), value);
    }
    for (int i = 0; i < RADIX; i++) {
      if (children[i] != NullNode.INSTANCE) {
        children[i].forEach(Bytes.concatenate(prefix, Bytes.of((byte) i)), visitor);
      }
    }
  }

  @Override
  Bytes encode() {
    int payload = NodeRlp.stringSize(value);
    for (Node child : children) {
      payload += child.referenceSize();
    }
    byte[] out = NodeRlp.list(payload);
    int at = NodeRlp.listPayloadStart(payload);
    for (Node child : children) {
      at = child.writeReference(out, at);
    }
    NodeRlp.writeString(out, at, value);
    return Bytes.wrap(out);
  }

  @Override
  void commitChildren(BiConsumer<Bytes32, Bytes> sink) {
    for (Node child : children) {
      child.commit(sink, false);
    }
  }

  private Node[] withChild(int index, Node child) {
    Node[] copy = children.clone();
    copy[index] = child;
    return copy;
  }

  /** A branch left with fewer than two entries after a removal turns into a leaf or extension. */
  private static Node collapse(Node[] children, Bytes value) {
    int only = -1;
    int entries = value.isEmpty() ? 0 : 1;
    for (int i = 0; i < RADIX; i++) {
      if (children[i] != NullNode.INSTANCE) {
        only = i;
        entries++;
      }
    }
    if (entries >= 2) {
      return new BranchNode(children, value);
    }
    if (!value.isEmpty()) {
      return new LeafNode(Bytes.EMPTY, value);
    }
    if (only < 0) {
      return NullNode.INSTANCE;
    }
    return children[only].resolved().prependPath(Bytes.of((byte) only));
  }
}

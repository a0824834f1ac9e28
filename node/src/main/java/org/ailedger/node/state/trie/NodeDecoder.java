package org.ailedger.node.state.trie;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Turns a stored node's RLP back into a node; children referenced by hash stay unloaded. */
final class NodeDecoder {
  private static final int BRANCH_ITEMS = 17;
  private static final int SHORT_NODE_ITEMS = 2;

  private NodeDecoder() {}

  /** One item of a node's list: an RLP string, or the contents of an embedded list. */
  private record Item(Bytes bytes, boolean list) {}

  static Node decode(Bytes32 hash, Bytes rlp, TrieNodeLoader loader) {
    try {
      byte[] in = rlp.toArrayUnsafe();
      NodeRlp.Item node = NodeRlp.read(in, 0, in.length);
      if (!node.list()) {
        throw new IllegalArgumentException("not an RLP list");
      }
      if (node.end() != in.length) {
        throw new IllegalArgumentException("bytes after the node's list");
      }
      return decodeContents(in, node, loader);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "stored trie node " + hash.toHexString() + " is malformed: " + e.getMessage(), e);
    }
  }

  private static Node decodeContents(byte[] in, NodeRlp.Item node, TrieNodeLoader loader) {
    List<Item> items = new ArrayList<>(BRANCH_ITEMS);
    for (int at = node.start(); at < node.end(); ) {
      NodeRlp.Item item = NodeRlp.read(in, at, node.end());
      items.add(new Item(item.bytes(in), item.list()));
      at = item.end();
    }
    return switch (items.size()) {
      case SHORT_NODE_ITEMS -> shortNode(items, loader);
      case BRANCH_ITEMS -> branch(items, loader);
      default ->
          throw new IllegalArgumentException("a node has 2 or 17 items, not " + items.size());
    };
  }

  private static Node shortNode(List<Item> items, TrieNodeLoader loader) {
    Item pathItem = items.get(0);
    Item second = items.get(1);
    if (pathItem.list()) {
      throw new IllegalArgumentException("a node path is a list");
    }
    HexPrefix.Decoded path = HexPrefix.decode(pathItem.bytes());
    if (path.leaf()) {
      if (second.list() || second.bytes().isEmpty()) {
        throw new IllegalArgumentException("a leaf value is a list or empty");
      }
      return new LeafNode(path.nibbles(), second.bytes());
    }
    if (path.nibbles().isEmpty()) {
      throw new IllegalArgumentException("an extension has an empty path");
    }
    Node child = reference(second, loader);
    if (child == NullNode.INSTANCE) {
      throw new IllegalArgumentException("an extension has no child");
    }
    return new ExtensionNode(path.nibbles(), child);
  }

  private static Node branch(List<Item> items, TrieNodeLoader loader) {
    Node[] children = new Node[BRANCH_ITEMS - 1];
    for (int i = 0; i < children.length; i++) {
      children[i] = reference(items.get(i), loader);
    }
    Item value = items.get(BRANCH_ITEMS - 1);
    if (value.list()) {
      throw new IllegalArgumentException("a branch value is a list");
    }
    return new BranchNode(children, value.bytes());
  }

  private static Node reference(Item item, TrieNodeLoader loader) {
    if (item.list()) {
      byte[] contents = item.bytes().toArrayUnsafe();
      Node embedded = decodeContents(contents, new NodeRlp.Item(0, contents.length, true), loader);
      embedded.markPersisted();
      return embedded;
    }
    if (item.bytes().isEmpty()) {
      return NullNode.INSTANCE;
    }
    if (item.bytes().size() == Bytes32.SIZE) {
      return new HashNode(Bytes32.wrap(item.bytes()), loader);
    }
    throw new IllegalArgumentException(
        "a child reference is " + item.bytes().size() + " bytes, not a 32-byte hash");
  }
}

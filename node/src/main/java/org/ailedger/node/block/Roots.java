package org.ailedger.node.block;

import java.util.List;
import java.util.function.Function;
import org.ailedger.node.state.trie.MerklePatriciaTrie;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;

/** Transactions and receipts roots: a trie from RLP(index) to each item's encoding. */
public final class Roots {
  private Roots() {}

  public static <T> Bytes32 indexedRoot(List<T> items, Function<T, Bytes> encoding) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
    for (int i = 0; i < items.size(); i++) {
      trie.put(RLP.encodeInt(i), encoding.apply(items.get(i)));
    }
    return trie.rootHash();
  }
}

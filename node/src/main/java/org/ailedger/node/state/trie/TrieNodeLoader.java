package org.ailedger.node.state.trie;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Where a trie finds nodes it has not loaded yet: the RLP of a node, looked up by the keccak256 of
 * that RLP. The trie keeps the returned bytes, so a loader must not modify them afterwards.
 */
@FunctionalInterface
public interface TrieNodeLoader {
  Optional<Bytes> load(Bytes32 hash);
}

package org.ailedger.node.state;

import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A computed state root and the trie nodes that must be stored for it to be readable. The nodes are
 * written in the same batch as the block that carries the root, never before.
 */
public record StateCommit(Bytes32 stateRoot, Map<Bytes32, Bytes> nodes) {
  public StateCommit {
    nodes = Map.copyOf(nodes);
  }
}

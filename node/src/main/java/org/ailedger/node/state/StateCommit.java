package org.ailedger.node.state;

import java.util.Collections;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A computed state root, the trie nodes that must be stored for it to be readable and the contract
 * code deployed since the last commit, by code hash. Nodes and code are written in the same batch
 * as the block that carries the root, never before.
 *
 * <p>The record takes the node map over rather than copying it: a loaded block commits tens of
 * thousands of nodes, and copying them cost a tenth of the commit. Whoever builds one hands over a
 * map nobody else holds.
 */
public record StateCommit(Bytes32 stateRoot, Map<Bytes32, Bytes> nodes, Map<Bytes32, Bytes> code) {
  public StateCommit {
    nodes = Collections.unmodifiableMap(nodes);
    code = Map.copyOf(code);
  }

  public StateCommit(Bytes32 stateRoot, Map<Bytes32, Bytes> nodes) {
    this(stateRoot, nodes, Map.of());
  }
}

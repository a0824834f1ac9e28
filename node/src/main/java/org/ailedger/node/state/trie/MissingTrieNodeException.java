package org.ailedger.node.state.trie;

import org.apache.tuweni.bytes.Bytes32;

/**
 * A trie needed a node that its {@link TrieNodeLoader} does not have: the state is incomplete (for
 * example pruned or never committed), not that the key is absent.
 */
public final class MissingTrieNodeException extends RuntimeException {
  private final Bytes32 hash;

  public MissingTrieNodeException(Bytes32 hash) {
    super("trie node " + hash.toHexString() + " is not in storage");
    this.hash = hash;
  }

  /** The keccak256 of the node that could not be loaded. */
  public Bytes32 hash() {
    return hash;
  }
}

package org.ailedger.indexer.store;

import org.apache.tuweni.bytes.Bytes32;

/** Which chain a store holds: its chain id and the hash of its genesis block. */
public record ChainIdentity(long chainId, Bytes32 genesisHash) {
  public ChainIdentity {
    if (chainId < 0) {
      throw new IllegalArgumentException("chain id < 0: " + chainId);
    }
    if (genesisHash == null) {
      throw new IllegalArgumentException("a chain has a genesis hash");
    }
  }
}

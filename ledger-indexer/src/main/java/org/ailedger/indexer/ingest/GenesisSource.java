package org.ailedger.indexer.ingest;

import org.ailedger.indexer.store.Block;
import org.ailedger.indexer.store.GenesisState;

/** Reads what the genesis file seeded without events: the state at block 0. */
@FunctionalInterface
public interface GenesisSource {
  GenesisState read(Block genesis, long chainId) throws NodeException;
}

package org.ailedger.node.genesis;

import org.ailedger.precompiles.SlotStore;

/** Writes the ledger section of a genesis file into the native contracts' storage. */
@FunctionalInterface
public interface LedgerSeeder {
  void seed(GenesisConfig genesis, SlotStore state);
}

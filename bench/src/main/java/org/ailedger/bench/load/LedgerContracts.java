package org.ailedger.bench.load;

import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;

/**
 * Where the contracts the submit-update workload calls live: the native ones at their fixed
 * addresses on our chain, or the Solidity versions wherever {@link SolidityLedger} deployed them.
 *
 * @param permissions roles and permitted accounts
 * @param modelRegistry models, rounds and updates
 * @param dataProvenance datasets and their lineage
 */
public record LedgerContracts(Address permissions, Address modelRegistry, Address dataProvenance) {
  /** The native contracts of an AI Contribution Ledger chain. */
  public static final LedgerContracts NATIVE =
      new LedgerContracts(
          NativeAddresses.PERMISSIONS,
          NativeAddresses.MODEL_REGISTRY,
          NativeAddresses.DATA_PROVENANCE);

  public LedgerContracts {
    if (permissions == null || modelRegistry == null || dataProvenance == null) {
      throw new IllegalArgumentException("every contract needs an address");
    }
  }
}

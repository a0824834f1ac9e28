package org.ailedger.evm.tx;

/** The gas a transaction pays before any code runs (Cancun rules). */
final class IntrinsicGas {
  private IntrinsicGas() {}

  static long of(EvmTransaction tx) {
    long gas = tx.isCreation() ? 53_000 : 21_000;
    byte[] data = tx.data().toArrayUnsafe();
    for (byte b : data) {
      gas += b == 0 ? 4 : 16;
    }
    if (tx.isCreation()) {
      gas += 2L * ((data.length + 31) / 32);
    }
    for (AccessListEntry entry : tx.accessList()) {
      gas += 2_400 + 1_900L * entry.storageKeys().size();
    }
    return gas;
  }
}

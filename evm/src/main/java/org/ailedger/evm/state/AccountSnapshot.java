package org.ailedger.evm.state;

import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** An account as the backend holds it before the block: its storage is read slot by slot. */
public record AccountSnapshot(long nonce, UInt256 balance, Bytes32 codeHash) {
  public AccountSnapshot {
    if (balance == null || codeHash == null) {
      throw new IllegalArgumentException("balance and code hash are required");
    }
  }
}

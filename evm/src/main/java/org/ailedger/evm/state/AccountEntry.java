package org.ailedger.evm.state;

import java.util.HashMap;
import java.util.Map;
import org.ailedger.evm.hash.Keccak256;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** The working copy of one account during a block; mutated only through {@link WorldState}. */
final class AccountEntry {
  boolean exists;
  long nonce;
  UInt256 balance = UInt256.ZERO;
  Bytes32 codeHash = Keccak256.EMPTY;

  /** Loaded lazily; null until read or written. */
  Bytes code;

  boolean codeChanged;
  boolean changed;
  boolean deleted;

  /** True once the committed storage no longer applies (destroyed or re-created in the block). */
  boolean storageCleared;

  /** Slots written in this block (zero included), over the committed storage. */
  final Map<UInt256, UInt256> written = new HashMap<>();

  /** Committed slot values read from the backend, a cache without journal. */
  final Map<UInt256, UInt256> committed = new HashMap<>();

  boolean isEmpty() {
    return nonce == 0 && balance.isZero() && codeHash.equals(Keccak256.EMPTY);
  }
}

package org.ailedger.node.execution.evm;

import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/** An account of a state test, before or after the transaction; zero slots are absent. */
record TestAccount(long nonce, UInt256 balance, Bytes code, Map<UInt256, UInt256> storage) {
  TestAccount {
    storage = Map.copyOf(storage);
  }
}

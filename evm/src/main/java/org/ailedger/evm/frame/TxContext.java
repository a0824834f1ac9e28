package org.ailedger.evm.frame;

import java.util.List;
import org.ailedger.evm.state.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** What ORIGIN, GASPRICE and BLOBHASH report for the running transaction. */
public record TxContext(Address origin, UInt256 gasPrice, List<Bytes32> blobHashes) {
  public TxContext {
    if (origin == null || gasPrice == null) {
      throw new IllegalArgumentException("incomplete transaction context");
    }
    blobHashes = List.copyOf(blobHashes);
  }
}

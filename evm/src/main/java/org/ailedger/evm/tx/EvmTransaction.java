package org.ailedger.evm.tx;

import java.util.List;
import java.util.Optional;
import org.ailedger.evm.state.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A transaction as the EVM needs it: the sender already recovered, fees in EIP-1559 form (a legacy
 * or EIP-2930 transaction gives its gas price as both caps). {@code nonce} is unsigned. {@code
 * type} 3 carries blob hashes and a blob fee cap (EIP-4844).
 */
public record EvmTransaction(
    int type,
    Address sender,
    Optional<Address> to,
    long nonce,
    long gasLimit,
    UInt256 value,
    Bytes data,
    UInt256 maxFeePerGas,
    UInt256 maxPriorityFeePerGas,
    List<AccessListEntry> accessList,
    UInt256 maxFeePerBlobGas,
    List<Bytes32> blobHashes) {
  public EvmTransaction {
    if (type < 0 || type > 3 || gasLimit < 0) {
      throw new IllegalArgumentException("invalid type or gas limit");
    }
    if (sender == null || to == null || value == null || data == null) {
      throw new IllegalArgumentException("incomplete transaction");
    }
    if (maxFeePerGas == null || maxPriorityFeePerGas == null || maxFeePerBlobGas == null) {
      throw new IllegalArgumentException("missing fee");
    }
    accessList = List.copyOf(accessList);
    blobHashes = List.copyOf(blobHashes);
  }

  public boolean isCreation() {
    return to.isEmpty();
  }
}

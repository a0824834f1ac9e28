package org.ailedger.node.execution;

import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/** An {@code eth_call}/{@code eth_estimateGas} request; absent gas means the block gas limit. */
public record CallRequest(
    Optional<Address> from, Optional<Address> to, OptionalLong gas, UInt256 value, Bytes data) {
  public CallRequest {
    if (from == null || to == null || gas == null || value == null || data == null) {
      throw new IllegalArgumentException("call request fields must not be null");
    }
  }
}

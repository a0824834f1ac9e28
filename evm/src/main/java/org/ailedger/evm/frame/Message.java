package org.ailedger.evm.frame;

import org.ailedger.evm.state.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * One call frame's inputs. {@code recipient} is the account whose storage and balance the code acts
 * on, {@code codeAddress} where the code came from (they differ for DELEGATECALL and CALLCODE);
 * {@code value} is what CALLVALUE reports.
 */
public record Message(
    Address caller,
    Address recipient,
    Address codeAddress,
    UInt256 value,
    Bytes input,
    long gas,
    int depth,
    boolean isStatic) {
  public Message {
    if (caller == null || recipient == null || codeAddress == null || value == null) {
      throw new IllegalArgumentException("incomplete message");
    }
    if (gas < 0 || depth < 0) {
      throw new IllegalArgumentException("negative gas or depth");
    }
  }
}

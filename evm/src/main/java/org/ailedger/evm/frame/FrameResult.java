package org.ailedger.evm.frame;

import java.util.Optional;
import org.ailedger.evm.state.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * How a message call or creation ended: success, REVERT (gas left is returned, output is the revert
 * data) or an exceptional halt (no gas left, no output).
 */
public record FrameResult(
    boolean success,
    long gasLeft,
    Bytes output,
    Optional<HaltReason> halt,
    Optional<Address> createdAddress) {
  public FrameResult {
    if (gasLeft < 0 || output == null || halt == null || createdAddress == null) {
      throw new IllegalArgumentException("invalid frame result");
    }
  }

  static FrameResult success(long gasLeft, Bytes output) {
    return new FrameResult(true, gasLeft, output, Optional.empty(), Optional.empty());
  }

  static FrameResult revert(long gasLeft, Bytes output) {
    return new FrameResult(false, gasLeft, output, Optional.empty(), Optional.empty());
  }

  static FrameResult halt(HaltReason reason) {
    return new FrameResult(false, 0, Bytes.EMPTY, Optional.of(reason), Optional.empty());
  }

  FrameResult withCreated(Address address) {
    return new FrameResult(success, gasLeft, output, halt, Optional.of(address));
  }

  public boolean reverted() {
    return !success && halt.isEmpty();
  }
}

package org.ailedger.evm.tx;

import java.util.List;
import java.util.Optional;
import org.ailedger.evm.frame.HaltReason;
import org.ailedger.evm.state.Address;
import org.ailedger.evm.state.Log;
import org.apache.tuweni.bytes.Bytes;

/** The outcome of one transaction: rejected (nothing changed) or executed (maybe reverted). */
public sealed interface TransactionResult {

  record Rejected(InvalidReason reason) implements TransactionResult {}

  /**
   * Included in the block. {@code gasUsed} is after the refund; {@code output} is the return or
   * revert data; {@code logs} are empty unless {@code success}.
   */
  record Executed(
      boolean success,
      long gasUsed,
      Bytes output,
      List<Log> logs,
      Optional<Address> contractAddress,
      Optional<HaltReason> halt)
      implements TransactionResult {
    public Executed {
      logs = List.copyOf(logs);
    }
  }
}

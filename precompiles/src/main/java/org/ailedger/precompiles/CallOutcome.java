package org.ailedger.precompiles;

import java.util.List;
import java.util.Optional;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;

/**
 * The result of one native-contract call. On failure {@code output} carries the ABI-encoded {@code
 * Error(string)} revert data (empty for out-of-gas), no log is kept and no slot was written.
 */
public record CallOutcome(
    boolean success, Bytes output, long gasUsed, List<Log> logs, Optional<String> revertReason) {
  public CallOutcome {
    if (output == null || logs == null || revertReason == null) {
      throw new IllegalArgumentException("outcome fields must not be null");
    }
    if (gasUsed < 0) {
      throw new IllegalArgumentException("gasUsed < 0: " + gasUsed);
    }
    if (!success && !logs.isEmpty()) {
      throw new IllegalArgumentException("a failed call keeps no logs");
    }
    logs = List.copyOf(logs);
  }
}

package org.ailedger.node.block;

import java.util.List;
import java.util.Optional;
import org.ailedger.node.tx.TransactionType;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;

/**
 * A transaction's receipt. The consensus fields (type, status, cumulative gas, bloom, logs) go into
 * the receipts root; {@code sender} and {@code revertData} are kept beside them in storage so
 * JSON-RPC can answer without re-recovering signatures or re-executing.
 *
 * @param revertData the ABI-encoded revert data of a failed call, e.g. {@code Error(string)}
 */
public record TransactionReceipt(
    TransactionType type,
    boolean success,
    long cumulativeGasUsed,
    LogsBloom bloom,
    List<Log> logs,
    Address sender,
    Optional<Bytes> revertData) {
  public TransactionReceipt {
    if (type == null || bloom == null || logs == null || sender == null || revertData == null) {
      throw new IllegalArgumentException("receipt fields must not be null");
    }
    if (cumulativeGasUsed < 0) {
      throw new IllegalArgumentException("cumulativeGasUsed < 0");
    }
    logs = List.copyOf(logs);
  }
}

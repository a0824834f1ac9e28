package org.ailedger.bench.load;

import java.util.List;
import org.ailedger.types.Address;

/**
 * One sender's transactions, signed before the run with consecutive nonces, so signing costs
 * nothing while the node is measured.
 *
 * @param sender index of the sender in this run (0-based)
 * @param rawTransactions {@code 0x}-hex encodings, position {@code i} carrying nonce {@code
 *     startNonce + i}
 * @param hashes lower-case {@code 0x}-hex transaction hashes, as blocks list them
 */
public record SignedSequence(
    int sender,
    Address address,
    long startNonce,
    List<String> rawTransactions,
    List<String> hashes) {
  public SignedSequence {
    rawTransactions = List.copyOf(rawTransactions);
    hashes = List.copyOf(hashes);
    if (rawTransactions.size() != hashes.size()) {
      throw new IllegalArgumentException("every transaction needs its hash");
    }
  }

  public int size() {
    return rawTransactions.size();
  }
}

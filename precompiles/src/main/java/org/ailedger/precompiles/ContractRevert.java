package org.ailedger.precompiles;

/**
 * Thrown by a native contract to refuse a call. The executor discards the call's writes and logs
 * and answers the reason as Solidity {@code Error(string)} revert data, which wallets, {@code
 * eth_call} and receipts show to a person, so the reason must read as a sentence about the input
 * ("account 0x… is not permitted"), never as a stack trace.
 */
public final class ContractRevert extends RuntimeException {
  private final String reason;

  public ContractRevert(String reason) {
    super(reason, null, false, false);
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a revert needs a reason");
    }
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}

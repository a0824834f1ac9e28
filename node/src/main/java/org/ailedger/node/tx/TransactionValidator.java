package org.ailedger.node.tx;

import java.util.Optional;

/**
 * The checks that need no state and no signature recovery: chain id, replay protection, contract
 * creation only where the genesis enables the EVM and within the init-code limit, gas and fee
 * consistency. Shared by the transaction pool and block import; per-sender checks (nonce, balance,
 * allowlist) live with the state.
 */
public final class TransactionValidator {
  static final long TX_GAS = 21_000;
  static final long CONTRACT_CREATION_GAS = 32_000;
  static final long INITCODE_WORD_GAS = 2;
  static final long ZERO_DATA_BYTE_GAS = 4;
  static final long NON_ZERO_DATA_BYTE_GAS = 16;
  static final long ACCESS_LIST_ADDRESS_GAS = 2_400;
  static final long ACCESS_LIST_STORAGE_KEY_GAS = 1_900;

  /** EIP-3860: twice the EIP-170 code size limit. */
  public static final int MAX_INIT_CODE_SIZE = 49_152;

  private final long chainId;
  private final long blockGasLimit;
  private final boolean evmConfigured;

  /** A chain without the EVM: contract creations are refused. */
  public TransactionValidator(long chainId, long blockGasLimit) {
    this(chainId, blockGasLimit, false);
  }

  /**
   * @param evmConfigured whether the genesis enables the EVM at some time; when it starts later
   *     than a block, execution refuses the creation with the same reason
   */
  public TransactionValidator(long chainId, long blockGasLimit, boolean evmConfigured) {
    if (chainId < 0 || blockGasLimit < 0) {
      throw new IllegalArgumentException("chain id and block gas limit must not be negative");
    }
    this.chainId = chainId;
    this.blockGasLimit = blockGasLimit;
    this.evmConfigured = evmConfigured;
  }

  /** The first rule {@code tx} breaks, or empty if it passes every stateless check. */
  public Optional<TransactionRejection> validate(Transaction tx) {
    if (tx.chainId().isEmpty()) {
      return reject(
          RejectionReason.REPLAY_UNPROTECTED,
          "transaction is not replay-protected: sign it"
              + " with chain id "
              + chainId
              + " (EIP-155 or a typed transaction)");
    }
    if (tx.chainId().getAsLong() != chainId) {
      return reject(
          RejectionReason.WRONG_CHAIN_ID,
          "wrong chain id: expected " + chainId + ", got " + tx.chainId().getAsLong());
    }
    if (tx.to().isEmpty() && !evmConfigured) {
      return reject(
          RejectionReason.EVM_NOT_ENABLED,
          "contract creation needs the EVM, and this chain's genesis enables no EVM fork"
              + " (config.cancunTime); a transaction needs a 'to' address");
    }
    if (tx.to().isEmpty() && tx.data().size() > MAX_INIT_CODE_SIZE) {
      return reject(
          RejectionReason.INIT_CODE_TOO_LARGE,
          "max initcode size exceeded: "
              + tx.data().size()
              + " bytes of init code, the limit is "
              + MAX_INIT_CODE_SIZE);
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      return reject(
          RejectionReason.PRIORITY_FEE_ABOVE_MAX_FEE,
          "max priority fee per gas "
              + tx.maxPriorityFeePerGas().toDecimalString()
              + " is above max fee per gas "
              + tx.maxFeePerGas().toDecimalString());
    }
    long intrinsic = intrinsicGas(tx);
    if (tx.gasLimit() < intrinsic) {
      return reject(
          RejectionReason.INTRINSIC_GAS_TOO_LOW,
          "intrinsic gas too low: gas limit "
              + tx.gasLimit()
              + " is below the "
              + intrinsic
              + " this transaction costs before execution");
    }
    if (tx.gasLimit() > blockGasLimit) {
      return reject(
          RejectionReason.EXCEEDS_BLOCK_GAS_LIMIT,
          "gas limit " + tx.gasLimit() + " exceeds the block gas limit " + blockGasLimit);
    }
    return Optional.empty();
  }

  /**
   * Gas charged before execution: 21000, plus 4 per zero and 16 per non-zero data byte, plus 2400
   * per access-list address and 1900 per storage key. A contract creation adds 32000 and 2 per
   * 32-byte word of init code, as on Ethereum since Shanghai.
   */
  public static long intrinsicGas(Transaction tx) {
    long gas = TX_GAS;
    int size = tx.data().size();
    int zeros = 0;
    for (int i = 0; i < size; i++) {
      if (tx.data().get(i) == 0) {
        zeros++;
      }
    }
    gas += zeros * ZERO_DATA_BYTE_GAS + (size - zeros) * NON_ZERO_DATA_BYTE_GAS;
    if (tx.to().isEmpty()) {
      gas += CONTRACT_CREATION_GAS + ((size + 31L) / 32) * INITCODE_WORD_GAS;
    }
    for (AccessListEntry entry : tx.accessList()) {
      gas += ACCESS_LIST_ADDRESS_GAS + entry.storageKeys().size() * ACCESS_LIST_STORAGE_KEY_GAS;
    }
    return gas;
  }

  private static Optional<TransactionRejection> reject(RejectionReason reason, String message) {
    return Optional.of(new TransactionRejection(reason, message));
  }
}

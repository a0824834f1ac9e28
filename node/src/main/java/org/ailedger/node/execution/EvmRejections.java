package org.ailedger.node.execution;

import org.ailedger.evm.tx.InvalidReason;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.tx.TransactionRejection;

/**
 * The node's reason for a transaction the EVM refused. The node checks nonce, funds and fees before
 * the EVM sees a transaction, so most of these surface only where the EVM's rule is stricter (funds
 * for the full fee cap, EIP-3607 senders).
 */
final class EvmRejections {
  private EvmRejections() {}

  static TransactionRejection of(InvalidReason reason) {
    return switch (reason) {
      case NONCE_IS_MAX ->
          new TransactionRejection(RejectionReason.NONCE_TOO_HIGH, "nonce has max value");
      case NONCE_MISMATCH ->
          new TransactionRejection(
              RejectionReason.NONCE_TOO_LOW, "nonce does not match the sender's next nonce");
      case INTRINSIC_GAS_TOO_LOW ->
          new TransactionRejection(
              RejectionReason.INTRINSIC_GAS_TOO_LOW, "intrinsic gas too low for the EVM");
      case GAS_ALLOWANCE_EXCEEDED ->
          new TransactionRejection(
              RejectionReason.EXCEEDS_BLOCK_GAS_LIMIT, "gas limit exceeds the block gas limit");
      case SENDER_NOT_EOA ->
          new TransactionRejection(
              RejectionReason.SENDER_NOT_EOA, "sender not an eoa: the sender account has code");
      case INSUFFICIENT_MAX_FEE_PER_GAS ->
          new TransactionRejection(
              RejectionReason.FEE_CAP_BELOW_BASE_FEE, "max fee per gas less than block base fee");
      case PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS ->
          new TransactionRejection(
              RejectionReason.PRIORITY_FEE_ABOVE_MAX_FEE,
              "max priority fee per gas higher than max fee per gas");
      case INSUFFICIENT_ACCOUNT_FUNDS ->
          new TransactionRejection(
              RejectionReason.INSUFFICIENT_BALANCE,
              "insufficient funds for gas * max fee per gas + value");
      case INITCODE_SIZE_EXCEEDED ->
          new TransactionRejection(
              RejectionReason.INIT_CODE_TOO_LARGE, "max initcode size exceeded");
      // the node decodes no blob transactions, so the EVM never sees one
      case BLOB_TX_CONTRACT_CREATION,
          BLOB_TX_ZERO_BLOBS,
          BLOB_TX_BLOB_COUNT_EXCEEDED,
          BLOB_TX_INVALID_VERSIONED_HASH,
          INSUFFICIENT_MAX_FEE_PER_BLOB_GAS ->
          new TransactionRejection(
              RejectionReason.UNSUPPORTED_TYPE, "blob transactions are not supported");
    };
  }
}

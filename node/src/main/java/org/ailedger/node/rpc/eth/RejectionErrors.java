package org.ailedger.node.rpc.eth;

import java.util.Locale;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.tx.TransactionRejection;

/**
 * The one mapping from a transaction rejection to what the client sees. The message always starts
 * with geth's phrase for the reason ("nonce too low", "already known", …), because ethers and viem
 * classify errors by that phrase, and goes on with the pool's precise detail.
 */
public final class RejectionErrors {
  private RejectionErrors() {}

  public static RpcError error(RejectionReason reason) {
    return switch (reason) {
      case MALFORMED -> RpcError.TX_MALFORMED;
      case OVERSIZED -> RpcError.TX_OVERSIZED;
      case UNSUPPORTED_TYPE -> RpcError.TX_TYPE_NOT_SUPPORTED;
      case WRONG_CHAIN_ID -> RpcError.TX_INVALID_CHAIN_ID;
      case REPLAY_UNPROTECTED -> RpcError.TX_REPLAY_UNPROTECTED;
      case INVALID_SIGNATURE -> RpcError.TX_INVALID_SIGNATURE;
      case EVM_NOT_ENABLED -> RpcError.TX_EVM_NOT_ENABLED;
      case INIT_CODE_TOO_LARGE -> RpcError.TX_INIT_CODE_TOO_LARGE;
      case SENDER_NOT_EOA -> RpcError.TX_SENDER_NOT_EOA;
      case INTRINSIC_GAS_TOO_LOW -> RpcError.TX_INTRINSIC_GAS_TOO_LOW;
      case EXCEEDS_BLOCK_GAS_LIMIT -> RpcError.TX_EXCEEDS_BLOCK_GAS_LIMIT;
      case PRIORITY_FEE_ABOVE_MAX_FEE -> RpcError.TX_TIP_ABOVE_FEE_CAP;
      case FEE_CAP_BELOW_BASE_FEE -> RpcError.TX_FEE_CAP_BELOW_BASE_FEE;
      case INSUFFICIENT_BALANCE -> RpcError.TX_INSUFFICIENT_FUNDS;
      case NONCE_TOO_LOW -> RpcError.TX_NONCE_TOO_LOW;
      case NONCE_TOO_HIGH -> RpcError.TX_NONCE_TOO_HIGH;
      case SENDER_NOT_PERMITTED -> RpcError.TX_SENDER_NOT_PERMITTED;
      case ALREADY_KNOWN -> RpcError.TX_ALREADY_KNOWN;
      case REPLACEMENT_UNDERPRICED -> RpcError.TX_REPLACEMENT_UNDERPRICED;
      case POOL_FULL -> RpcError.TX_POOL_FULL;
    };
  }

  /**
   * The error for a rejection: the phrase alone when the pool said nothing more, the pool's message
   * when it already starts with the phrase, else {@code phrase: detail}.
   */
  public static RpcException toException(TransactionRejection rejection) {
    RpcError error = error(rejection.reason());
    String phrase = error.phrase();
    String detail = rejection.message().strip();
    String message;
    if (detail.toLowerCase(Locale.ROOT).startsWith(phrase.toLowerCase(Locale.ROOT))) {
      message = detail;
    } else {
      message = phrase + ": " + detail;
    }
    return new RpcException(error, message);
  }
}

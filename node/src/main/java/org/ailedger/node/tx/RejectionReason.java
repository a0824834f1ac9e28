package org.ailedger.node.tx;

/** Why a transaction is refused, by the pool or by block import. */
public enum RejectionReason {
  MALFORMED,
  OVERSIZED,
  UNSUPPORTED_TYPE,
  WRONG_CHAIN_ID,
  REPLAY_UNPROTECTED,
  INVALID_SIGNATURE,
  /** A contract creation or a call into code on a chain, or at a time, without the EVM. */
  EVM_NOT_ENABLED,
  INIT_CODE_TOO_LARGE,
  /** EIP-3607: the sender has code, so nobody holds its key. */
  SENDER_NOT_EOA,
  INTRINSIC_GAS_TOO_LOW,
  EXCEEDS_BLOCK_GAS_LIMIT,
  PRIORITY_FEE_ABOVE_MAX_FEE,
  FEE_CAP_BELOW_BASE_FEE,
  INSUFFICIENT_BALANCE,
  NONCE_TOO_LOW,
  NONCE_TOO_HIGH,
  SENDER_NOT_PERMITTED,
  ALREADY_KNOWN,
  REPLACEMENT_UNDERPRICED,
  POOL_FULL
}

package org.ailedger.node.consensus.qbft.validation;

/** Why a well-formed QBFT message is refused. */
public enum Reason {
  /** The signature is malformed, has a high s, or recovers no key. */
  BAD_SIGNATURE,
  AUTHOR_NOT_VALIDATOR,
  WRONG_HEIGHT,
  /** Above {@link HeightContext#MAX_ROUND}, or 0 for a round change. */
  ROUND_OUT_OF_RANGE,
  /** Not the round the message is checked against. */
  WRONG_ROUND,
  DIGEST_MISMATCH,
  /** The commit seal is malformed or has a high s. */
  COMMIT_SEAL_INVALID,
  /** The commit seal recovers to someone else over the committed header: another signer or hash. */
  COMMIT_SEAL_NOT_BY_AUTHOR,
  PROPOSER_MISMATCH,
  BLOCK_NUMBER_MISMATCH,
  /** The block-validity check refused the proposed or prepared block. */
  BLOCK_INVALID,
  COINBASE_NOT_AUTHOR,
  ROUND_ZERO_WITH_CERTIFICATES,
  MISSING_ROUND_CHANGE_CERTIFICATE,
  INSUFFICIENT_ROUND_CHANGES,
  DUPLICATE_ROUND_CHANGE,
  /** A round change in a certificate is itself invalid or targets another round. */
  INVALID_ROUND_CHANGE,
  /** Two round changes name different blocks for the same prepared round. */
  INCONSISTENT_PREPARED_METADATA,
  /** The block does not hash to the prepared block hash it is justified by. */
  PREPARED_BLOCK_MISMATCH,
  /** Prepares are attached, but no round change names a prepared round. */
  PREPARES_WITHOUT_PREPARED_ROUND,
  INSUFFICIENT_PREPARES,
  DUPLICATE_PREPARE,
  /** A prepare in a certificate is invalid or not for the prepared round and block. */
  INVALID_PREPARE,
  /** A round change's prepared round is not below the round it asks for. */
  PREPARED_ROUND_NOT_BELOW_TARGET,
  /** A round change names a prepared round but carries no block. */
  PREPARED_BLOCK_MISSING,
  /** A round change carries a block but names no prepared round. */
  UNEXPECTED_PREPARED_BLOCK
}

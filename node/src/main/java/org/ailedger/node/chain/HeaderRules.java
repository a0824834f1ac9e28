package org.ailedger.node.chain;

import java.time.Clock;
import java.util.Optional;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.chain.BlockRejection.Reason;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The header checks that need no execution: linkage, timing, gas, the fixed QBFT fields, and the
 * base fee. Shared by import and, as a self-check, by block creation.
 */
public final class HeaderRules {
  /** How far a header's timestamp may run ahead of this node's clock. */
  public static final long MAX_FUTURE_SECONDS = 10;

  private final HeaderRulesConfig config;
  private final Clock clock;

  public HeaderRules(HeaderRulesConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** The base fee every block carries: fixed at the genesis value (zero with zeroBaseFee). */
  public UInt256 baseFee() {
    return config.baseFee();
  }

  public Optional<BlockRejection> check(BlockHeader header, BlockHeader parent) {
    long n = header.number();
    if (n != parent.number() + 1) {
      return fail(Reason.NOT_NEXT_BLOCK, "block " + n + " does not follow head " + parent.number());
    }
    if (!header.parentHash().equals(parent.hash())) {
      return fail(
          Reason.NOT_NEXT_BLOCK,
          "block " + n + " names parent " + header.parentHash() + ", head is " + parent.hash());
    }
    if (header.timestamp() < parent.timestamp() + config.blockPeriodSeconds()) {
      return fail(
          Reason.TIMESTAMP_TOO_EARLY,
          "block "
              + n
              + " timestamp "
              + header.timestamp()
              + " is less than one block period after its parent");
    }
    if (header.timestamp() > clock.instant().getEpochSecond() + MAX_FUTURE_SECONDS) {
      return fail(
          Reason.TIMESTAMP_IN_FUTURE,
          "block " + n + " timestamp " + header.timestamp() + " is in the future");
    }
    if (header.gasLimit() != parent.gasLimit()) {
      return fail(
          Reason.GAS_LIMIT_CHANGED,
          "block "
              + n
              + " changes the gas limit from "
              + parent.gasLimit()
              + " to "
              + header.gasLimit());
    }
    if (header.gasUsed() > header.gasLimit()) {
      return fail(Reason.GAS_USED_ABOVE_LIMIT, "block " + n + " uses more gas than its limit");
    }
    if (!header.difficulty().equals(UInt256.ONE)
        || !header.mixHash().equals(BlockHeader.QBFT_MIX_HASH)
        || !header.ommersHash().equals(BlockHeader.EMPTY_OMMERS_HASH)
        || header.nonce() != 0) {
      return fail(
          Reason.NOT_QBFT_HEADER,
          "block "
              + n
              + " does not carry the fixed QBFT difficulty, mix hash, ommers hash and nonce");
    }
    if (!header.baseFee().equals(baseFee())) {
      return fail(
          Reason.WRONG_BASE_FEE,
          "block "
              + n
              + " base fee "
              + header.baseFee().toBigInteger()
              + " is not "
              + baseFee().toBigInteger());
    }
    try {
      QbftExtraData.decode(header.extraData());
    } catch (IllegalArgumentException e) {
      return fail(Reason.MALFORMED_EXTRA_DATA, "block " + n + ": " + e.getMessage());
    }
    return Optional.empty();
  }

  private static Optional<BlockRejection> fail(Reason reason, String message) {
    return Optional.of(new BlockRejection(reason, message));
  }
}

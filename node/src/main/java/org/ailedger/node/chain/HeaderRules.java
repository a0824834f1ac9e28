package org.ailedger.node.chain;

import java.time.Clock;
import java.util.Optional;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.QbftExtraData;
import org.ailedger.node.genesis.GenesisConfig;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The header checks that need no execution: linkage, timing, gas, the fixed QBFT fields, and the
 * base fee. Shared by import and, as a self-check, by block creation.
 */
public final class HeaderRules {
  /** How far a header's timestamp may run ahead of this node's clock. */
  public static final long MAX_FUTURE_SECONDS = 10;

  private final GenesisConfig genesis;
  private final Clock clock;

  public HeaderRules(GenesisConfig genesis, Clock clock) {
    this.genesis = genesis;
    this.clock = clock;
  }

  /** The base fee every block carries: fixed at the genesis value (zero with zeroBaseFee). */
  public UInt256 baseFee() {
    return genesis.baseFee();
  }

  public Optional<String> check(BlockHeader header, BlockHeader parent) {
    long n = header.number();
    if (n != parent.number() + 1) {
      return fail("block " + n + " does not follow parent " + parent.number());
    }
    if (!header.parentHash().equals(parent.hash())) {
      return fail(
          "block " + n + " names parent " + header.parentHash() + ", head is " + parent.hash());
    }
    if (header.timestamp() < parent.timestamp() + genesis.qbft().blockPeriodSeconds()) {
      return fail(
          "block "
              + n
              + " timestamp "
              + header.timestamp()
              + " is less than one block period after its parent");
    }
    if (header.timestamp() > clock.instant().getEpochSecond() + MAX_FUTURE_SECONDS) {
      return fail("block " + n + " timestamp " + header.timestamp() + " is in the future");
    }
    if (header.gasLimit() != parent.gasLimit()) {
      return fail(
          "block "
              + n
              + " changes the gas limit from "
              + parent.gasLimit()
              + " to "
              + header.gasLimit());
    }
    if (header.gasUsed() > header.gasLimit()) {
      return fail("block " + n + " uses more gas than its limit");
    }
    if (!header.difficulty().equals(UInt256.ONE)
        || !header.mixHash().equals(BlockHeader.QBFT_MIX_HASH)
        || !header.ommersHash().equals(BlockHeader.EMPTY_OMMERS_HASH)
        || header.nonce() != 0) {
      return fail(
          "block "
              + n
              + " does not carry the fixed QBFT difficulty, mix hash, ommers hash and nonce");
    }
    if (!header.baseFee().equals(baseFee())) {
      return fail(
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
      return fail("block " + n + ": " + e.getMessage());
    }
    return Optional.empty();
  }

  private static Optional<String> fail(String reason) {
    return Optional.of(reason);
  }
}

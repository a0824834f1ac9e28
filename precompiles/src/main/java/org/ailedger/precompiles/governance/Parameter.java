package org.ailedger.precompiles.governance;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ailedger.precompiles.token.TokenLedger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The chain parameters token holders govern. On chain a parameter is named by its ASCII name
 * right-padded to 32 bytes, as {@code getParameter(bytes32 name)} takes it.
 *
 * <p>Token amounts stop at the token's maximum supply: a larger one could never be held or minted.
 * Every lower bound is at least 1 because zero in storage means "never set, use the default"; a
 * parameter that could be set to zero would silently fall back to its default. Upper bounds on
 * block counts keep {@code block + delay + period + timelock} far inside a {@code long}.
 */
public enum Parameter {
  /** Largest voting power of one member, in basis points of the quadratic total Q. */
  CAP_BPS("capBps", UInt256.valueOf(1_000), UInt256.ONE, UInt256.valueOf(Bounds.ALL_BPS)),
  /** Votes cast (for + against + abstain) needed for a proposal to pass, in basis points of Q. */
  QUORUM_BPS("quorumBps", UInt256.valueOf(2_000), UInt256.ONE, UInt256.valueOf(Bounds.ALL_BPS)),
  /** Blocks between a proposal's creation and the start of its voting. */
  VOTING_DELAY("votingDelay", UInt256.ONE, UInt256.ONE, UInt256.valueOf(Bounds.MAX_BLOCKS)),
  /** Blocks a proposal's voting stays open. */
  VOTING_PERIOD(
      "votingPeriod", UInt256.valueOf(30), UInt256.ONE, UInt256.valueOf(Bounds.MAX_BLOCKS)),
  /** Blocks between a proposal's success and the first block it may be executed in. */
  TIMELOCK_BLOCKS(
      "timelockBlocks", UInt256.valueOf(2), UInt256.ONE, UInt256.valueOf(Bounds.MAX_BLOCKS)),
  /** Token base units a member must hold (at the snapshot) to propose. */
  PROPOSAL_THRESHOLD("proposalThreshold", Bounds.tokens(1), UInt256.ONE, TokenLedger.MAX_SUPPLY),
  /** Largest reward pool, in token base units, an aggregator may open a training round with. */
  MAX_REWARD_PER_ROUND(
      "maxRewardPerRound", Bounds.tokens(1_000), UInt256.ONE, TokenLedger.MAX_SUPPLY);

  /**
   * Named limits shared by the constants above (an enum cannot reference its own statics there).
   */
  static final class Bounds {
    /** 100 % in basis points. */
    static final long ALL_BPS = 10_000;

    /** About 136 years of 1-second blocks; far below any overflow of block arithmetic. */
    static final long MAX_BLOCKS = 0xFFFF_FFFFL;

    /** The token has 18 decimals. */
    static UInt256 tokens(long whole) {
      return UInt256.valueOf(BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(18)));
    }

    private Bounds() {}
  }

  private final String label;
  private final Bytes32 key;
  private final UInt256 defaultValue;
  private final UInt256 min;
  private final UInt256 max;

  Parameter(String label, UInt256 defaultValue, UInt256 min, UInt256 max) {
    this.label = label;
    this.key = Bytes32.rightPad(Bytes.wrap(label.getBytes(StandardCharsets.US_ASCII)));
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
  }

  /** The on-chain name, e.g. {@code capBps}. */
  public String label() {
    return label;
  }

  /** The ASCII name right-padded with zero bytes to 32 bytes. */
  public Bytes32 key() {
    return key;
  }

  /** The value in force while governance has never set one. */
  public UInt256 defaultValue() {
    return defaultValue;
  }

  /** Smallest value governance may set, inclusive; never zero. */
  public UInt256 min() {
    return min;
  }

  /** Largest value governance may set, inclusive. */
  public UInt256 max() {
    return max;
  }

  public boolean accepts(UInt256 value) {
    return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
  }

  /**
   * Why {@code value} may not be set, as a sentence for a voter, or empty if it may, e.g. "capBps
   * must be between 1 and 10000, got 0".
   */
  public Optional<String> violation(UInt256 value) {
    if (accepts(value)) {
      return Optional.empty();
    }
    return Optional.of(
        label
            + " must be between "
            + min.toDecimalString()
            + " and "
            + max.toDecimalString()
            + ", got "
            + (value == null ? "nothing" : value.toDecimalString()));
  }

  /** By on-chain name, e.g. {@code capBps}, as a genesis file states it. */
  public static Optional<Parameter> fromLabel(String label) {
    return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
  }

  public static Optional<Parameter> fromKey(Bytes32 key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }

  /** "capBps, quorumBps, …", for reasons that list what exists. */
  public static String labels() {
    return Arrays.stream(values()).map(Parameter::label).collect(Collectors.joining(", "));
  }
}

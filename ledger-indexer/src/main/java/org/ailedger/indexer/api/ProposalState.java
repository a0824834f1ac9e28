package org.ailedger.indexer.api;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a proposal stands, with the codes of the governor's {@code state(uint256)}. {@link #at}
 * applies the governor's rules to the indexed terms and votes, so the indexer answers what the
 * contract would.
 */
enum ProposalState {
  PENDING(0),
  ACTIVE(1),
  CANCELED(2),
  DEFEATED(3),
  /** Passed and past its timelock: executable until it expires. */
  SUCCEEDED(4),
  /** Passed, in its timelock. */
  QUEUED(5),
  /** Passed, but not executed within the grace period. */
  EXPIRED(6),
  EXECUTED(7);

  private final int code;

  ProposalState(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  /** The name clients see and filter by, e.g. {@code queued}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<ProposalState> parse(String label) {
    return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
  }

  /**
   * The state in {@code block}, as the governor decides it for a transaction in that block (and for
   * an {@code eth_call} on the block before it): an outcome is final; otherwise pending before
   * voteStart, active through voteEnd, then defeated unless for &gt; against and the turnout
   * (abstentions included) reaches the quorum; a passed proposal is queued before eta, succeeded
   * (executable) from eta, expired from expiresAt.
   */
  static ProposalState at(long block, Terms terms, Tally tally) {
    if (terms.outcome().isPresent()) {
      return terms.outcome().get();
    }
    if (block < terms.voteStart()) {
      return PENDING;
    }
    if (block <= terms.voteEnd()) {
      return ACTIVE;
    }
    if (terms.quorum() == null || terms.eta() == null || terms.expiresAt() == null) {
      // ProposalTerms comes in the transaction of ProposalCreated: a store without it is broken
      throw new IllegalStateException("a closed proposal without its terms (eta, quorum)");
    }
    if (!tally.passes(terms.quorum())) {
      return DEFEATED;
    }
    if (block < terms.eta()) {
      return QUEUED;
    }
    return block < terms.expiresAt() ? SUCCEEDED : EXPIRED;
  }

  /**
   * How many blocks from {@code block} until the state changes by the passage of blocks alone, or
   * null when only a transaction (or nothing) can change it.
   */
  Long blocksLeft(long block, Terms terms) {
    return switch (this) {
      case PENDING -> terms.voteStart() - block;
      case ACTIVE -> terms.voteEnd() + 1 - block;
      case QUEUED -> terms.eta() - block;
      case SUCCEEDED -> terms.expiresAt() - block;
      case CANCELED, DEFEATED, EXPIRED, EXECUTED -> null;
    };
  }

  /**
   * A proposal's fixed terms. The governor emits ProposalTerms (eta, expiresAt, quorum) in the
   * transaction of ProposalCreated, so only a hand-made history lacks them (null); they are needed
   * only once voting has ended without an outcome.
   *
   * @param outcome executed or canceled, once a transaction made it so
   */
  record Terms(
      long voteStart,
      long voteEnd,
      Long eta,
      Long expiresAt,
      BigInteger quorum,
      Optional<ProposalState> outcome) {}

  /** The weights cast for, against and abstaining, and how many members voted. */
  record Tally(BigInteger against, BigInteger forVotes, BigInteger abstain, long votes) {
    boolean passes(BigInteger quorum) {
      BigInteger turnout = against.add(forVotes).add(abstain);
      return forVotes.compareTo(against) > 0 && turnout.compareTo(quorum) >= 0;
    }
  }
}

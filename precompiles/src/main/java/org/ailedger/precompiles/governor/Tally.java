package org.ailedger.precompiles.governor;

import org.apache.tuweni.units.bigints.UInt256;

/** The weights cast on one proposal so far, by side. */
public record Tally(UInt256 against, UInt256 forVotes, UInt256 abstain) {
  public static final Tally EMPTY = new Tally(UInt256.ZERO, UInt256.ZERO, UInt256.ZERO);

  public Tally {
    if (against == null || forVotes == null || abstain == null) {
      throw new IllegalArgumentException("every side of a tally is required");
    }
  }

  /** Every weight cast, abstentions included: what the quorum counts. */
  public UInt256 turnout() {
    return against.add(forVotes).add(abstain);
  }

  /** The tally after one more vote of {@code weight}. */
  public Tally plus(Support support, UInt256 weight) {
    return switch (support) {
      case AGAINST -> new Tally(against.add(weight), forVotes, abstain);
      case FOR -> new Tally(against, forVotes.add(weight), abstain);
      case ABSTAIN -> new Tally(against, forVotes, abstain.add(weight));
    };
  }

  /** More for than against, and turnout at or above {@code quorum}. */
  public boolean passes(UInt256 quorum) {
    return forVotes.compareTo(against) > 0 && turnout().compareTo(quorum) >= 0;
  }
}

package org.ailedger.node.consensus.qbft.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.CommitSeals;
import org.ailedger.types.Address;

/**
 * What every message at one height is checked against: the parent block and the validators it
 * names, sorted as Besu sorts them, with the quorum and the proposer of each round.
 */
public record HeightContext(BlockHeader parent, List<Address> validators) {
  /**
   * The highest round a message may name; Besu's MAX_ALLOWED_ROUND, after GHSA-23rh-rrqg-wq82
   * showed that unbounded rounds grow memory.
   */
  public static final int MAX_ROUND = 1000;

  public HeightContext {
    if (parent == null || validators == null || validators.isEmpty()) {
      throw new IllegalArgumentException("a height needs its parent and at least one validator");
    }
    List<Address> sorted = new ArrayList<>(new TreeSet<>(validators));
    validators = Collections.unmodifiableList(sorted);
  }

  /** The context of the block after {@code parent}, with the validators its extra-data names. */
  public static HeightContext after(BlockHeader parent) {
    return new HeightContext(parent, parent.qbftExtraData().validators());
  }

  public long height() {
    return parent.number() + 1;
  }

  public int quorum() {
    return CommitSeals.quorum(validators.size());
  }

  /** f+1, where f = (n-1)/3 validators may be faulty: any f+1 of them hold an honest one. */
  public int weakQuorum() {
    return (validators.size() - 1) / 3 + 1;
  }

  public boolean isValidator(Address address) {
    return Collections.binarySearch(validators, address) >= 0;
  }

  /**
   * Besu's round-robin ({@code BftProposerSelector}, a new proposer every block): the validator
   * after the parent's proposer (its coinbase), plus the round. When the parent's proposer is no
   * longer a validator (or is the genesis coinbase), the first validator after its address, plus
   * the round.
   */
  public Address proposer(int round) {
    Address previous = parent.coinbase();
    int n = validators.size();
    int index = Collections.binarySearch(validators, previous);
    // a missing proposer's insertion point is the index of the first validator after it
    int base = index >= 0 ? index + 1 : -(index + 1);
    return validators.get((int) ((base + (long) round) % n));
  }
}

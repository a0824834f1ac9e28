package org.ailedger.node.consensus.qbft.message;

/**
 * A consensus round: the height of the block being agreed (Besu's sequence number) and the round at
 * that height. Written on the wire as {@code longScalar(height), intScalar(round)}.
 */
public record RoundId(long height, int round) implements Comparable<RoundId> {
  public RoundId {
    if (height < 0) {
      throw new IllegalArgumentException("height < 0: " + height);
    }
    if (round < 0) {
      throw new IllegalArgumentException("round < 0: " + round);
    }
  }

  public RoundId withRound(int newRound) {
    return new RoundId(height, newRound);
  }

  @Override
  public int compareTo(RoundId other) {
    int byHeight = Long.compare(height, other.height);
    return byHeight != 0 ? byHeight : Integer.compare(round, other.round);
  }

  @Override
  public String toString() {
    return height + "/" + round;
  }
}

package org.ailedger.precompiles.model;

import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * One training round of a model; all zero while {@link RoundStatus#NONE}.
 *
 * @param status none, open or finalized
 * @param baseModelHash hash of the model the round's contributors train from
 * @param rewardPool token base units the round distributes at finalization
 * @param deadlineBlock the last block in which updates are accepted
 * @param aggregateHash hash of the aggregated model, set at finalization
 * @param submissions updates submitted
 * @param accepted updates accepted at finalization
 * @param minted tokens actually minted: the pool less the rounding remainder
 */
public record TrainingRound(
    RoundStatus status,
    Bytes32 baseModelHash,
    UInt256 rewardPool,
    long deadlineBlock,
    Bytes32 aggregateHash,
    long submissions,
    long accepted,
    UInt256 minted) {
  public TrainingRound {
    if (status == null
        || baseModelHash == null
        || rewardPool == null
        || aggregateHash == null
        || minted == null) {
      throw new IllegalArgumentException("round fields must not be null");
    }
    if (deadlineBlock < 0 || submissions < 0 || accepted < 0 || accepted > submissions) {
      throw new IllegalArgumentException(
          "inconsistent round: deadline "
              + deadlineBlock
              + ", "
              + accepted
              + " of "
              + submissions
              + " accepted");
    }
  }
}

package org.ailedger.precompiles.model;

import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A contributor's update to one round; all zero while {@link UpdateStatus#NONE}.
 *
 * @param status none, submitted, accepted or rejected
 * @param updateHash hash of the model update (weights or delta) kept off chain
 * @param datasetIds the attested datasets it was trained on
 * @param sampleCount number of training samples the contributor reports
 * @param metricsHash hash of the contributor's evaluation metrics
 * @param submittedAtBlock block of submission
 * @param reward tokens minted for it at finalization, zero unless accepted
 */
public record ModelUpdate(
    UpdateStatus status,
    Bytes32 updateHash,
    List<Bytes32> datasetIds,
    long sampleCount,
    Bytes32 metricsHash,
    long submittedAtBlock,
    UInt256 reward) {
  public ModelUpdate {
    if (status == null
        || updateHash == null
        || datasetIds == null
        || metricsHash == null
        || reward == null) {
      throw new IllegalArgumentException("update fields must not be null");
    }
    if (sampleCount < 0 || submittedAtBlock < 0) {
      throw new IllegalArgumentException("negative sample count or block");
    }
    datasetIds = List.copyOf(datasetIds);
  }
}

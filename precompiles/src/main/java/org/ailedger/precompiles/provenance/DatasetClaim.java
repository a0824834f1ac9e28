package org.ailedger.precompiles.provenance;

import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What an owner states about a dataset when attesting it: its id, the hash of its content, where it
 * lives, under which licence, and the datasets it was derived from. The contract's rules (new id,
 * existing parents, bounds) are checked when it is recorded, not here, so that a refused claim
 * still reaches the contract and is answered with a reason.
 */
public record DatasetClaim(
    Bytes32 datasetId, Bytes32 contentHash, String uri, String license, List<Bytes32> parents) {
  public DatasetClaim {
    if (datasetId == null
        || contentHash == null
        || uri == null
        || license == null
        || parents == null) {
      throw new IllegalArgumentException("every field of a dataset claim is required");
    }
    parents = List.copyOf(parents);
  }
}

package org.ailedger.precompiles.provenance;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An attested dataset as DataProvenance stores it; the fields {@code getDataset} answers.
 *
 * @param endorsements how many distinct auditors have endorsed it
 */
public record Dataset(
    Address owner,
    Bytes32 contentHash,
    String uri,
    String license,
    long attestedAtBlock,
    boolean revoked,
    long endorsements) {
  public Dataset {
    if (owner == null || contentHash == null || uri == null || license == null) {
      throw new IllegalArgumentException("owner, content hash, uri and license are required");
    }
    if (attestedAtBlock < 0 || endorsements < 0) {
      throw new IllegalArgumentException("negative block number or endorsement count");
    }
  }
}

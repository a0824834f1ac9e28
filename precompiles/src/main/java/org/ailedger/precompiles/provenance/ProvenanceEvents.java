package org.ailedger.precompiles.provenance;

import org.ailedger.precompiles.abi.AbiEvent;

/**
 * The events DataProvenance emits. Together they carry every stored fact (the attestation block is
 * the log's block), so an indexer rebuilds datasets, lineage, endorsements and revocations from
 * logs alone.
 */
public final class ProvenanceEvents {
  public static final AbiEvent DATASET_ATTESTED =
      AbiEvent.parse(
          "DatasetAttested(bytes32 indexed datasetId, address indexed owner, bytes32 contentHash,"
              + " string uri, string license, bytes32[] parents)");
  public static final AbiEvent ATTESTATION_RELAYED =
      AbiEvent.parse(
          "AttestationRelayed(bytes32 indexed datasetId, address indexed owner,"
              + " address indexed relayer, uint256 nonce)");
  public static final AbiEvent DATASET_ENDORSED =
      AbiEvent.parse("DatasetEndorsed(bytes32 indexed datasetId, address indexed auditor)");
  public static final AbiEvent DATASET_REVOKED =
      AbiEvent.parse(
          "DatasetRevoked(bytes32 indexed datasetId, address indexed revokedBy,"
              + " bytes32 reasonHash)");

  private ProvenanceEvents() {}
}

package org.ailedger.indexer.event;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/** Events of DataProvenance at 0x…1002 (IDataProvenance.sol). */
public sealed interface DataProvenanceEvent extends LedgerEvent {
  @Override
  default NativeContract contract() {
    return NativeContract.DATA_PROVENANCE;
  }

  record DatasetAttested(
      Bytes32 datasetId,
      EthAddress owner,
      Bytes32 contentHash,
      String uri,
      String license,
      List<Bytes32> parents)
      implements DataProvenanceEvent {
    public DatasetAttested {
      parents = List.copyOf(parents);
    }
  }

  record AttestationRelayed(
      Bytes32 datasetId, EthAddress owner, EthAddress relayer, BigInteger nonce)
      implements DataProvenanceEvent {}

  record DatasetEndorsed(Bytes32 datasetId, EthAddress auditor) implements DataProvenanceEvent {}

  record DatasetRevoked(Bytes32 datasetId, EthAddress revokedBy, Bytes32 reasonHash)
      implements DataProvenanceEvent {}
}

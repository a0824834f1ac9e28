package org.ailedger.indexer.store;

import java.sql.SQLException;
import java.util.List;
import org.ailedger.indexer.event.DataProvenanceEvent;
import org.ailedger.indexer.event.LogPosition;
import org.apache.tuweni.bytes.Bytes32;

/** DataProvenance events as datasets, lineage edges, endorsements and revocations. */
final class DatasetRows {
  void write(Statements sql, LogPosition at, DataProvenanceEvent event) throws SQLException {
    switch (event) {
      case DataProvenanceEvent.DatasetAttested e -> {
        sql.insert(
            at,
            "datasets",
            "dataset_id, owner, content_hash, uri, license",
            e.datasetId(),
            e.owner(),
            e.contentHash(),
            e.uri(),
            e.license());
        List<Bytes32> parents = e.parents();
        for (int position = 0; position < parents.size(); position++) {
          sql.insert(
              at,
              "lineage",
              "position, dataset_id, parent_id",
              position,
              e.datasetId(),
              parents.get(position));
        }
      }
      case DataProvenanceEvent.AttestationRelayed e ->
          sql.complete(
              at,
              "dataset " + e.datasetId(),
              "UPDATE datasets SET relayer = ?, relay_nonce = ? WHERE dataset_id = ?",
              e.relayer(),
              e.nonce(),
              e.datasetId());
      case DataProvenanceEvent.DatasetEndorsed e ->
          sql.insert(at, "endorsements", "dataset_id, auditor", e.datasetId(), e.auditor());
      case DataProvenanceEvent.DatasetRevoked e ->
          sql.insert(
              at,
              "revocations",
              "dataset_id, revoked_by, reason_hash",
              e.datasetId(),
              e.revokedBy(),
              e.reasonHash());
    }
  }
}

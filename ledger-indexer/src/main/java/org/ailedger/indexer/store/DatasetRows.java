package org.ailedger.indexer.store;

import java.sql.SQLException;
import java.util.List;
import org.ailedger.indexer.event.DataProvenanceEvent;
import org.ailedger.indexer.event.LogPosition;
import org.apache.tuweni.bytes.Bytes32;

/**
 * DataProvenance events as datasets, lineage edges and their closure, endorsements and revocations.
 */
final class DatasetRows {
  /**
   * A new dataset's ancestors: every ancestor of its parents (their own rows at depth 0 included)
   * one generation further, the nearest path where a diamond gives several. Parameters: the
   * dataset, its attestation's block and log index, twice (the row's key, the edges' key). The
   * parents' closure rows exist: parents are attested before their children, in an earlier
   * transaction or earlier in this one.
   */
  private static final String ANCESTORS =
      "INSERT INTO lineage_closure (ancestor_id, descendant_id, depth, block_number, log_index)"
          + " SELECT c.ancestor_id, ?, MIN(c.depth) + 1, ?, ? FROM lineage_closure c"
          + " WHERE c.descendant_id IN (SELECT l.parent_id FROM lineage l"
          + " WHERE l.block_number = ? AND l.log_index = ?)"
          + " GROUP BY c.ancestor_id ON CONFLICT DO NOTHING";

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
        sql.insertPlain(
            "lineage_closure",
            "ancestor_id, descendant_id, depth, block_number, log_index",
            e.datasetId(),
            e.datasetId(),
            0,
            at.blockNumber(),
            at.logIndex());
        if (!parents.isEmpty()) {
          sql.derive(
              ANCESTORS,
              e.datasetId(),
              at.blockNumber(),
              at.logIndex(),
              at.blockNumber(),
              at.logIndex());
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

package org.ailedger.indexer.store;

import java.sql.SQLException;
import java.util.List;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.ModelRegistryEvent;
import org.apache.tuweni.bytes.Bytes32;

/** ModelRegistry events as models, rounds, updates with their datasets, rewards, reputation. */
final class ModelRows {
  /** Marks a dataset's closure rows cited. Parameter: the dataset. */
  private static final String CITED =
      "UPDATE lineage_closure SET descendant_cited = 1"
          + " WHERE descendant_id = ? AND descendant_cited = 0";

  void write(Statements sql, LogPosition at, ModelRegistryEvent event) throws SQLException {
    switch (event) {
      case ModelRegistryEvent.ModelRegistered e ->
          sql.insert(
              at,
              "models",
              "model_id, owner, aggregator, metadata_uri",
              e.modelId(),
              e.owner(),
              e.aggregator(),
              e.metadataUri());
      case ModelRegistryEvent.RoundOpened e ->
          sql.insert(
              at,
              "rounds",
              "model_id, round, base_model_hash, reward_pool, deadline_block, status",
              e.modelId(),
              e.round(),
              e.baseModelHash(),
              e.rewardPool(),
              e.deadlineBlock(),
              "open");
      case ModelRegistryEvent.UpdateSubmitted e ->
          sql.insert(
              at,
              "updates",
              "model_id, round, contributor, update_hash, sample_count",
              e.modelId(),
              e.round(),
              e.contributor(),
              e.updateHash(),
              e.sampleCount());
      case ModelRegistryEvent.UpdateDatasets e -> updateDatasets(sql, at, e);
      case ModelRegistryEvent.RoundFinalized e ->
          sql.complete(
              at,
              "round " + e.round() + " of model " + e.modelId(),
              "UPDATE rounds SET status = 'finalized', aggregate_hash = ?, accepted_count = ?,"
                  + " finalized_block_number = ?, finalized_log_index = ?,"
                  + " finalized_tx_hash = ? WHERE model_id = ? AND round = ?",
              e.aggregateHash(),
              e.acceptedCount(),
              at.blockNumber(),
              at.logIndex(),
              at.txHash(),
              e.modelId(),
              e.round());
      case ModelRegistryEvent.ContributionRewarded e ->
          sql.insert(
              at,
              "rewards",
              "model_id, round, contributor, weight, reward",
              e.modelId(),
              e.round(),
              e.contributor(),
              e.weight(),
              e.reward());
      case ModelRegistryEvent.ReputationChanged e ->
          sql.insert(
              at,
              "reputation_changes",
              "contributor, delta, reputation",
              e.contributor(),
              e.delta(),
              e.reputation());
    }
  }

  private void updateDatasets(Statements sql, LogPosition at, ModelRegistryEvent.UpdateDatasets e)
      throws SQLException {
    sql.complete(
        at,
        "the update of " + e.contributor() + " in round " + e.round(),
        "UPDATE updates SET metrics_hash = ? WHERE model_id = ? AND round = ?"
            + " AND contributor = ?",
        e.metricsHash(),
        e.modelId(),
        e.round(),
        e.contributor());
    List<Bytes32> datasets = e.datasetIds();
    for (Bytes32 dataset : datasets) {
      // a radius looks up the citations of cited datasets only; the chain cites only attested
      // datasets, so their closure rows are there, written earlier in this transaction or before
      sql.deriveOnce(CITED, dataset);
    }
    for (int position = 0; position < datasets.size(); position++) {
      sql.insert(
          at,
          "update_datasets",
          "position, model_id, round, contributor, dataset_id",
          position,
          e.modelId(),
          e.round(),
          e.contributor(),
          datasets.get(position));
    }
  }
}

package org.ailedger.indexer.store;

import java.sql.SQLException;
import org.ailedger.indexer.event.GovernorEvent;
import org.ailedger.indexer.event.LogPosition;

/** QuadraticGovernor events as proposals (with terms and outcome), votes and parameters. */
final class GovernorRows {
  private static final String OUTCOME =
      "UPDATE proposals SET outcome = ?, outcome_block_number = ?, outcome_log_index = ?,"
          + " outcome_tx_hash = ? WHERE proposal_id = ?";

  void write(Statements sql, LogPosition at, GovernorEvent event) throws SQLException {
    switch (event) {
      case GovernorEvent.ProposalCreated e ->
          sql.insert(
              at,
              "proposals",
              "proposal_id, proposer, member_id, kind, payload, description, snapshot_block,"
                  + " vote_start, vote_end, quadratic_total",
              e.proposalId(),
              e.proposer(),
              e.memberId(),
              e.kind(),
              e.payload(),
              e.description(),
              e.snapshotBlock(),
              e.voteStart(),
              e.voteEnd(),
              e.quadraticTotal());
      case GovernorEvent.ProposalTerms e ->
          sql.complete(
              at,
              "proposal " + e.proposalId(),
              "UPDATE proposals SET eta = ?, expires_at = ?, quorum = ?, cap = ?"
                  + " WHERE proposal_id = ?",
              e.eta(),
              e.expiresAt(),
              e.quorum(),
              e.cap(),
              e.proposalId());
      case GovernorEvent.VoteCast e ->
          sql.insert(
              at,
              "votes",
              "proposal_id, voter, member_id, support, weight, raw_balance",
              e.proposalId(),
              e.voter(),
              e.memberId(),
              e.support(),
              e.weight(),
              e.rawBalance());
      case GovernorEvent.ProposalExecuted e -> outcome(sql, at, e.proposalId(), "executed");
      case GovernorEvent.ProposalCanceled e -> outcome(sql, at, e.proposalId(), "canceled");
      case GovernorEvent.ParameterChanged e ->
          sql.insert(
              at,
              "parameters",
              "name, value, previous_value",
              e.parameterName(),
              e.newValue(),
              e.oldValue());
    }
  }

  private static void outcome(Statements sql, LogPosition at, long proposalId, String outcome)
      throws SQLException {
    sql.complete(
        at,
        "proposal " + proposalId,
        OUTCOME,
        outcome,
        at.blockNumber(),
        at.logIndex(),
        at.txHash(),
        proposalId);
  }
}

package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Proposals with their terms, outcome and tally, and each vote's raw balance and weight. */
final class GovernanceReads {
  private static final String[] SUPPORT = {"against", "for", "abstain"};

  /** The most proposals one list request inspects when a state filter skips most of them. */
  static final int MAX_SCANNED = 1000;

  /**
   * Proposals in the list's range and order, each with its state in the block after the snapshot;
   * only those in {@code state} when given. A state filter may skip many proposals: after {@link
   * #MAX_SCANNED} inspected the page ends early, with a cursor to continue from.
   */
  JsonObject proposals(Snapshot at, ListQuery list, Optional<ProposalState> state)
      throws SQLException {
    Page page = list.page();
    List<Page.Row> matches = new ArrayList<>();
    PageKey scannedTo = null;
    int scanned = 0;
    ListQuery next = list;
    while (true) {
      ListQuery.Clause clause = next.clause(at, "p");
      List<Page.Row> batch = new ArrayList<>();
      try (PreparedStatement query =
          at.connection()
              .prepareStatement(
                  "SELECT * FROM proposals p WHERE "
                      + clause.where()
                      + state.map(s -> " AND " + prefilter(s)).orElse("")
                      + " ORDER BY "
                      + clause.orderBy()
                      + " LIMIT ?")) {
        int index = clause.bind(query, 1);
        if (state.isPresent()) {
          // every ? of the prefilter is the block the state is computed for
          for (long n = prefilter(state.get()).chars().filter(c -> c == '?').count(); n > 0; n--) {
            query.setLong(index++, stateBlock(at));
          }
        }
        query.setInt(index, page.fetch());
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            batch.add(new Page.Row(RowJson.key(row), proposal(at, row)));
          }
        }
      }
      for (Page.Row row : batch) {
        withState(at, row.item());
        scanned++;
        scannedTo = row.key();
        if (state.isEmpty() || state.get().label().equals(row.item().getString("state"))) {
          matches.add(row);
          if (matches.size() == page.fetch()) {
            return page.answer(matches);
          }
        }
      }
      if (batch.size() < page.fetch()) {
        return page.answer(matches);
      }
      if (scanned >= MAX_SCANNED) {
        // a short page, but not the last: the client continues after the last one inspected
        return page.answer(matches).put("nextCursor", scannedTo.token());
      }
      next =
          new ListQuery(new Page(Optional.of(scannedTo), page.limit()), list.range(), list.order());
    }
  }

  JsonObject proposal(Snapshot at, long id) throws SQLException {
    JsonObject json = find(at, id);
    withState(at, json);
    return new JsonObject().put("data", json);
  }

  JsonObject votes(Snapshot at, long id, ListQuery list) throws SQLException {
    // votes of a proposal that does not exist are a 404, not an empty list
    find(at, id);
    Page page = list.page();
    ListQuery.Clause clause = list.clause(at, "v");
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT * FROM votes v WHERE v.proposal_id = ? AND "
                    + clause.where()
                    + " ORDER BY "
                    + clause.orderBy()
                    + " LIMIT ?")) {
      query.setLong(1, id);
      int next = clause.bind(query, 2);
      query.setInt(next, page.fetch());
      List<Page.Row> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          int support = row.getInt("support");
          rows.add(
              new Page.Row(
                  RowJson.key(row),
                  new JsonObject()
                      .put("voter", row.getString("voter"))
                      .put("memberId", row.getString("member_id"))
                      .put("support", support)
                      .put("supportName", supportName(support))
                      .put("rawBalance", RowJson.uint(at, row, "raw_balance"))
                      .put("weight", RowJson.uint(at, row, "weight"))
                      .put("cast", RowJson.logRef(row, ""))));
        }
      }
      return page.answer(rows);
    }
  }

  private JsonObject find(Snapshot at, long id) throws SQLException {
    try (PreparedStatement query =
        at.connection().prepareStatement("SELECT * FROM proposals WHERE proposal_id = ?")) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw ModelReads.notFound("proposal " + id);
        }
        return proposal(at, row);
      }
    }
  }

  private static JsonObject proposal(Snapshot at, ResultSet row) throws SQLException {
    return new JsonObject()
        .put("id", row.getLong("proposal_id"))
        .put("proposer", row.getString("proposer"))
        .put("memberId", row.getString("member_id"))
        .put("kind", row.getInt("kind"))
        .put("payload", row.getString("payload"))
        .put("description", row.getString("description"))
        .put("snapshotBlock", row.getLong("snapshot_block"))
        .put("voteStart", row.getLong("vote_start"))
        .put("voteEnd", row.getLong("vote_end"))
        .put("quadraticTotal", RowJson.uint(at, row, "quadratic_total"))
        .put("eta", nullableLong(row, "eta"))
        .put("expiresAt", nullableLong(row, "expires_at"))
        .put("quorum", RowJson.uint(at, row, "quorum"))
        .put("cap", RowJson.uint(at, row, "cap"))
        .put("outcome", row.getString("outcome"))
        .put("created", RowJson.logRef(row, ""))
        .put("outcomeAt", RowJson.logRef(row, "outcome_"));
  }

  /**
   * Adds the tally and the state in the block after the snapshot: the block a transaction sent now
   * would land in, and the one an {@code eth_call} of {@code state(id)} on the snapshot's block
   * evaluates.
   */
  private static void withState(Snapshot at, JsonObject proposal) throws SQLException {
    ProposalState.Tally tally = tally(at, proposal.getLong("id"));
    proposal.put(
        "tally",
        new JsonObject()
            .put("votes", tally.votes())
            .put("against", tally.against().toString())
            .put("for", tally.forVotes().toString())
            .put("abstain", tally.abstain().toString()));
    long block = stateBlock(at);
    ProposalState.Terms terms = terms(proposal);
    ProposalState state = ProposalState.at(block, terms, tally);
    proposal
        .put("state", state.label())
        .put("stateBlock", block)
        .put("blocksLeft", state.blocksLeft(block, terms))
        .put(
            "executableAt",
            state == ProposalState.QUEUED || state == ProposalState.SUCCEEDED ? terms.eta() : null);
  }

  private static long stateBlock(Snapshot at) {
    return at.blockNumber() + 1;
  }

  private static ProposalState.Terms terms(JsonObject proposal) {
    String quorum = proposal.getString("quorum");
    String outcome = proposal.getString("outcome");
    return new ProposalState.Terms(
        proposal.getLong("voteStart"),
        proposal.getLong("voteEnd"),
        proposal.getLong("eta"),
        proposal.getLong("expiresAt"),
        quorum == null ? null : new BigInteger(quorum),
        outcome == null
            ? Optional.empty()
            : Optional.of(
                outcome.equals("executed") ? ProposalState.EXECUTED : ProposalState.CANCELED));
  }

  /**
   * SQL over {@code p} that keeps the proposals that can be in {@code state}: exact for the states
   * decided by outcome and blocks, a superset where the tally decides (checked after).
   */
  private static String prefilter(ProposalState state) {
    return switch (state) {
      case EXECUTED -> "p.outcome = 'executed'";
      case CANCELED -> "p.outcome = 'canceled'";
      case PENDING -> "p.outcome IS NULL AND p.vote_start > ?";
      case ACTIVE -> "p.outcome IS NULL AND ? BETWEEN p.vote_start AND p.vote_end";
      case DEFEATED -> "p.outcome IS NULL AND p.vote_end < ?";
      case QUEUED -> "p.outcome IS NULL AND ? > p.vote_end AND ? < p.eta";
      case SUCCEEDED -> "p.outcome IS NULL AND ? >= p.eta";
      case EXPIRED -> "p.outcome IS NULL AND ? >= p.expires_at";
    };
  }

  /** The weight cast for, against and abstaining; summed here since SQLite keeps text. */
  private static ProposalState.Tally tally(Snapshot at, long id) throws SQLException {
    BigInteger[] totals = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    long voters = 0;
    try (PreparedStatement query =
        at.connection()
            .prepareStatement("SELECT support, weight FROM votes WHERE proposal_id = ?")) {
      query.setLong(1, id);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          int support = row.getInt("support");
          if (support >= 0 && support < totals.length) {
            totals[support] = totals[support].add(at.engine().readUint(row, "weight"));
          }
          voters++;
        }
      }
    }
    return new ProposalState.Tally(totals[0], totals[1], totals[2], voters);
  }

  private static String supportName(int support) {
    return support >= 0 && support < SUPPORT.length ? SUPPORT[support] : "unknown";
  }

  private static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}

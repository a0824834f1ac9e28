package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Proposals with their terms, outcome and tally, and each vote's raw balance and weight. */
final class GovernanceReads {
  private static final String[] SUPPORT = {"against", "for", "abstain"};

  JsonObject proposals(Snapshot at, Page page) throws SQLException {
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT * FROM proposals p WHERE "
                    + page.afterCondition("p")
                    + " ORDER BY p.block_number, p.log_index LIMIT ?")) {
      int next = page.bind(query, 1);
      query.setInt(next, page.fetch());
      List<Page.Row> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(new Page.Row(RowJson.key(row), proposal(at, row)));
        }
      }
      for (Page.Row row : rows) {
        row.item().put("tally", tally(at, row.item().getLong("id")));
      }
      return page.answer(rows);
    }
  }

  JsonObject proposal(Snapshot at, long id) throws SQLException {
    JsonObject json = find(at, id);
    json.put("tally", tally(at, id));
    return new JsonObject().put("data", json);
  }

  JsonObject votes(Snapshot at, long id, Page page) throws SQLException {
    // votes of a proposal that does not exist are a 404, not an empty list
    find(at, id);
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT * FROM votes v WHERE v.proposal_id = ? AND "
                    + page.afterCondition("v")
                    + " ORDER BY v.block_number, v.log_index LIMIT ?")) {
      query.setLong(1, id);
      int next = page.bind(query, 2);
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

  /** The weight cast for, against and abstaining; summed here since SQLite keeps text. */
  private static JsonObject tally(Snapshot at, long id) throws SQLException {
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
    JsonObject tally = new JsonObject().put("votes", voters);
    for (int i = 0; i < totals.length; i++) {
      tally.put(SUPPORT[i], totals[i].toString());
    }
    return tally;
  }

  private static String supportName(int support) {
    return support >= 0 && support < SUPPORT.length ? SUPPORT[support] : "unknown";
  }

  private static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}

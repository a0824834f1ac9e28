package org.ailedger.indexer.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.indexer.store.OutboxEntry;
import org.ailedger.indexer.stream.StreamFrame;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Blocks and transactions as the ledger's contracts saw them: block 0 and every block that holds an
 * event of theirs, and each transaction with the events it emitted. The indexer reads no other
 * block or transaction from the node, so it serves none: blocks it keeps only as the end of a read
 * range are left out, which keeps every answer a function of the chain and the indexed block alone.
 */
final class BlockReads {
  private static final String SUMMARY =
      "b.block_number, b.block_hash, b.parent_hash, b.block_timestamp,"
          + " (SELECT COUNT(*) FROM events e WHERE e.block_number = b.block_number) AS event_count,"
          + " (SELECT COUNT(DISTINCT e.tx_hash) FROM events e"
          + " WHERE e.block_number = b.block_number) AS tx_count";
  private static final String SERVED =
      "(b.block_number = 0 OR EXISTS (SELECT 1 FROM events e WHERE e.block_number = b.block_number))";

  JsonObject blocks(Snapshot at, ListQuery list) throws SQLException {
    BlockRange.Span span = list.range().resolve(at);
    Page page = list.page();
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(SUMMARY)
            .append(" FROM blocks b WHERE b.block_number BETWEEN ? AND ? AND ")
            .append(SERVED);
    if (page.after().isPresent()) {
      sql.append(" AND b.block_number ").append(list.order().beyond()).append(" ?");
    }
    sql.append(" ORDER BY b.block_number ").append(list.order().sql()).append(" LIMIT ?");
    try (PreparedStatement query = at.connection().prepareStatement(sql.toString())) {
      int index = 1;
      query.setLong(index++, span.first());
      query.setLong(index++, span.last());
      if (page.after().isPresent()) {
        query.setLong(index++, page.after().get().blockNumber());
      }
      query.setInt(index, page.fetch());
      List<Page.Row> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(new Page.Row(new PageKey(row.getLong("block_number"), 0), summary(row)));
        }
      }
      return page.answer(rows);
    }
  }

  /** One block with a page of its transactions in block order. */
  JsonObject block(Snapshot at, long number, Page page) throws SQLException {
    if (number > at.blockNumber()) {
      throw notFound(
          "block "
              + number
              + " is not indexed yet: the indexer is at block "
              + at.blockNumber()
              + " (minBlock waits for it)");
    }
    JsonObject block;
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT " + SUMMARY + " FROM blocks b WHERE b.block_number = ? AND " + SERVED)) {
      query.setLong(1, number);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw notFound(
              "block "
                  + number
                  + " holds no event of the ledger's contracts; the indexer keeps block 0 and"
                  + " the blocks with such events only");
        }
        block = summary(row);
      }
    }
    // a transaction page's key is (block, transaction index): a cursor of another block is no page
    // of this one
    if (page.after().isPresent() && page.after().get().blockNumber() != number) {
      throw RequestParams.problem("the cursor is not one of block " + number + "'s pages");
    }
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT tx_hash, tx_index, COUNT(*) AS event_count FROM events"
                    + " WHERE block_number = ? AND tx_index > ?"
                    + " GROUP BY tx_hash, tx_index ORDER BY tx_index LIMIT ?")) {
      query.setLong(1, number);
      query.setInt(2, page.after().map(PageKey::logIndex).orElse(-1));
      query.setInt(3, page.fetch());
      List<Page.Row> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          int txIndex = row.getInt("tx_index");
          rows.add(
              new Page.Row(
                  new PageKey(number, txIndex),
                  new JsonObject()
                      .put("hash", row.getString("tx_hash"))
                      .put("index", txIndex)
                      .put("eventCount", row.getLong("event_count"))));
        }
      }
      JsonObject listed = page.answer(rows);
      return new JsonObject()
          .put("data", block.put("transactions", listed.getJsonArray("data")))
          .put("nextCursor", listed.getString("nextCursor"));
    }
  }

  /** One transaction that emitted ledger events, with a page of them in log order. */
  JsonObject transaction(Snapshot at, Bytes32 hash, Page page) throws SQLException {
    JsonObject transaction;
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT e.block_number, e.tx_index, b.block_hash, b.block_timestamp,"
                    + " COUNT(*) AS event_count FROM events e"
                    + " JOIN blocks b ON b.block_number = e.block_number WHERE e.tx_hash = ?"
                    + " GROUP BY e.block_number, e.tx_index, b.block_hash, b.block_timestamp")) {
      query.setString(1, hash.toHexString());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw notFound(
              "transaction "
                  + hash.toHexString()
                  + " emitted no event of the ledger's contracts up to block "
                  + at.blockNumber());
        }
        transaction =
            new JsonObject()
                .put("hash", hash.toHexString())
                .put("blockNumber", row.getLong("block_number"))
                .put("blockHash", row.getString("block_hash"))
                .put("timestamp", row.getLong("block_timestamp"))
                .put("index", row.getInt("tx_index"))
                .put("eventCount", row.getLong("event_count"));
      }
    }
    try (PreparedStatement query =
        at.connection()
            .prepareStatement(
                "SELECT e.block_number, e.log_index, e.tx_hash, e.contract, e.event, e.payload"
                    + " FROM events e WHERE e.tx_hash = ? AND "
                    + page.afterCondition("e")
                    + " ORDER BY e.block_number, e.log_index LIMIT ?")) {
      query.setString(1, hash.toHexString());
      int next = page.bind(query, 2);
      query.setInt(next, page.fetch());
      List<Page.Row> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          OutboxEntry event =
              new OutboxEntry(
                  row.getLong("block_number"),
                  row.getInt("log_index"),
                  Bytes32.fromHexString(row.getString("tx_hash")),
                  row.getString("contract"),
                  row.getString("event"),
                  row.getString("payload"));
          rows.add(new Page.Row(RowJson.key(row), StreamFrame.data(event)));
        }
      }
      JsonObject listed = page.answer(rows);
      JsonArray events = listed.getJsonArray("data");
      return new JsonObject()
          .put("data", transaction.put("events", events))
          .put("nextCursor", listed.getString("nextCursor"));
    }
  }

  private static JsonObject summary(ResultSet row) throws SQLException {
    return new JsonObject()
        .put("number", row.getLong("block_number"))
        .put("hash", row.getString("block_hash"))
        .put("parentHash", row.getString("parent_hash"))
        .put("timestamp", row.getLong("block_timestamp"))
        .put("eventCount", row.getLong("event_count"))
        .put("transactionCount", row.getLong("tx_count"));
  }

  private static ProblemException notFound(String detail) {
    return new ProblemException(Problem.notFound(detail));
  }
}

package org.ailedger.tests.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.ailedger.indexer.event.DecodedLog;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.EventDecoder;
import org.ailedger.indexer.event.EventJson;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.indexer.event.RawLog;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.utils.Numeric;

/**
 * What an indexer's SQLite store holds, read as an analyst reads it (read-only, beside the running
 * indexer), checked against what the node reports with {@code eth_getLogs}: every event of the five
 * contracts exactly once, in chain order, with the same contents.
 */
public final class IndexedEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One event as "block:logIndex contract event txHash payload". */
  public record Event(String id, String contract, String event, String txHash, String payload) {
    @Override
    public String toString() {
      return id + " " + contract + "." + event + " " + txHash + " " + payload;
    }
  }

  /** The cursor and the outbox, read in one snapshot. */
  public record Snapshot(long cursor, String cursorHash, List<Event> events, long transfers) {}

  private IndexedEvents() {}

  /** Reads the store at {@code file} read-only, in one transaction. */
  public static Snapshot read(Path file) {
    Properties readOnly = new Properties();
    readOnly.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
    try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file, readOnly)) {
      sql.setAutoCommit(false);
      try (Statement query = sql.createStatement()) {
        long cursor;
        String hash;
        try (ResultSet row = query.executeQuery("SELECT block_number, block_hash FROM cursor")) {
          assertThat(row.next()).as("the store at %s has a cursor", file).isTrue();
          cursor = row.getLong(1);
          hash = row.getString(2);
        }
        List<Event> events = new ArrayList<>();
        try (ResultSet row =
            query.executeQuery(
                "SELECT block_number, log_index, contract, event, tx_hash, payload FROM outbox"
                    + " ORDER BY block_number, log_index")) {
          while (row.next()) {
            events.add(
                new Event(
                    row.getLong(1) + ":" + row.getInt(2),
                    row.getString(3),
                    row.getString(4),
                    row.getString(5),
                    row.getString(6)));
          }
        }
        long transfers;
        try (ResultSet row = query.executeQuery("SELECT COUNT(*) FROM token_transfers")) {
          row.next();
          transfers = row.getLong(1);
        }
        sql.rollback();
        return new Snapshot(cursor, hash, List.copyOf(events), transfers);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the store " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The node's {@code eth_getLogs} of the five contracts over blocks 0..{@code toBlock}, decoded
   * with the shared decoders into the outbox's form.
   */
  public static List<Event> onChain(JsonRpc node, long toBlock) {
    var filter =
        JSON.createObjectNode().put("fromBlock", "0x0").put("toBlock", JsonRpc.quantity(toBlock));
    var addresses = filter.putArray("address");
    for (NativeContract contract : NativeContract.values()) {
      addresses.add(contract.address().hex());
    }
    EventDecoder decoder = EventDecoder.nativeContracts();
    List<Event> events = new ArrayList<>();
    for (JsonNode log : node.result("eth_getLogs", filter)) {
      List<Bytes32> topics = new ArrayList<>();
      log.get("topics").forEach(topic -> topics.add(Bytes32.fromHexString(topic.asText())));
      long block = Numeric.toBigInt(log.get("blockNumber").asText()).longValueExact();
      int index = Numeric.toBigInt(log.get("logIndex").asText()).intValueExact();
      String txHash = log.get("transactionHash").asText().toLowerCase();
      RawLog raw =
          new RawLog(
              EthAddress.fromHex(log.get("address").asText()),
              topics,
              Bytes.fromHexString(log.get("data").asText()),
              new LogPosition(
                  block,
                  index,
                  Bytes32.fromHexString(log.get("blockHash").asText()),
                  Bytes32.fromHexString(txHash),
                  Numeric.toBigInt(log.get("transactionIndex").asText()).intValueExact()));
      DecodedLog decoded =
          decoder
              .decode(raw)
              .orElseThrow(() -> new AssertionError("a log no decoder knows: " + log));
      events.add(
          new Event(
              block + ":" + index,
              decoded.event().contract().name(),
              decoded.event().eventName(),
              txHash,
              EventJson.of(decoded.event()).encode()));
    }
    return events;
  }

  /**
   * Asserts that the store at {@code file} holds every event {@code node} reports up to the store's
   * cursor, once each, with equal contents, and that the cursor is on the node's chain. Returns
   * what it read.
   */
  public static Snapshot assertExactlyOnce(Path file, JsonRpc node) {
    Snapshot stored = read(file);
    JsonNode block = node.result("eth_getBlockByNumber", JsonRpc.quantity(stored.cursor()), false);
    assertThat(block.path("hash").asText())
        .as("the indexed block %d is the node's", stored.cursor())
        .isEqualTo(stored.cursorHash());
    List<Event> onChain = onChain(node, stored.cursor());
    assertThat(stored.events())
        .as("the store's events against eth_getLogs of blocks 0..%d", stored.cursor())
        .hasSameSizeAs(onChain)
        .containsExactlyElementsOf(onChain);
    assertThat(stored.transfers())
        .as("one token_transfers row per Transfer log")
        .isEqualTo(onChain.stream().filter(e -> e.event().equals("Transfer")).count());
    return stored;
  }

  /** How many Transfer events of the token are among {@code events}. */
  public static long transfers(List<Event> events) {
    return events.stream().filter(e -> e.event().equals("Transfer")).count();
  }
}

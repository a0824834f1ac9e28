package org.ailedger.node.rpc;

import static org.ailedger.node.rpc.FakeBackend.BOB;
import static org.ailedger.node.rpc.FakeBackend.CAROL;
import static org.ailedger.node.rpc.FakeBackend.DATA_PROVENANCE;
import static org.ailedger.node.rpc.FakeBackend.MODEL_REGISTRY;
import static org.ailedger.node.rpc.FakeBackend.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ailedger.node.block.Block;
import org.ailedger.node.rpc.json.Hex;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** eth_getLogs and the filter methods over HTTP; each test gets a fresh chain and server. */
@TimeBoxed
class LogsAndFiltersIT {
  private final MutableClock clock = new MutableClock();
  private RunningServer rpc;

  @BeforeEach
  @TimeBoxed
  void start() {
    rpc =
        new RunningServer(
            new FakeBackend(),
            RpcConfig.builder()
                .maxLogBlockRange(4)
                .maxFilters(3)
                .filterIdleTimeout(Duration.ofMinutes(5)),
            clock);
  }

  @AfterEach
  @TimeBoxed
  void stop() {
    rpc.close();
  }

  @Test
  void logsOfARangeComeInChainOrderWithPositions() {
    JsonNode logs = rpc.result("eth_getLogs", Map.of("fromBlock", "0x1", "toBlock", "latest"));

    assertThat(logs).hasSize(4);
    assertThat(logs)
        .extracting(l -> l.get("blockNumber").asText())
        .containsExactly("0x1", "0x1", "0x1", "0x3");
    assertThat(logs)
        .extracting(l -> l.get("logIndex").asText())
        .containsExactly("0x0", "0x1", "0x2", "0x0");
    assertThat(logs)
        .extracting(l -> l.get("transactionIndex").asText())
        .containsExactly("0x0", "0x1", "0x1", "0x0");
    JsonNode attest = logs.get(3);
    assertThat(attest.get("address").asText()).isEqualTo(DATA_PROVENANCE.toHexString());
    assertThat(attest.get("blockHash").asText())
        .isEqualTo(Hex.data(rpc.fake.chain.blockAt(3).header().hash()));
    assertThat(attest.get("transactionHash").asText())
        .isEqualTo(Hex.data(rpc.fake.chain.blockAt(3).transactions().get(0).hash()));
    assertThat(attest.get("data").asText()).isEqualTo("0x");
    assertThat(attest.get("removed").asBoolean()).isFalse();
  }

  @Test
  void addressFilterTakesOneAddressOrAList() {
    assertThat(logs(Map.of("fromBlock", "0x1", "address", TOKEN.toHexString()))).hasSize(2);
    assertThat(
            logs(
                Map.of(
                    "fromBlock",
                    "0x1",
                    "address",
                    List.of(MODEL_REGISTRY.toHexString(), DATA_PROVENANCE.toHexString()))))
        .extracting(l -> l.get("address").asText())
        .containsExactly(MODEL_REGISTRY.toHexString(), DATA_PROVENANCE.toHexString());
  }

  @Test
  void topicsArePositionalWithWildcardsAndAlternatives() {
    String transfer = Hex.data(FakeBackend.TRANSFER);
    String approval = Hex.data(FakeBackend.APPROVAL);

    assertThat(topics(List.of(transfer))).hasSize(1);
    assertThat(topics(List.of(List.of(transfer, approval)))).hasSize(2);
    assertThat(topics(Arrays.asList(null, Hex.data(BOB.toWord())))).hasSize(2);
    assertThat(topics(Arrays.asList(null, null, Hex.data(CAROL.toWord())))).hasSize(1);
    assertThat(topics(Arrays.asList(Hex.data(FakeBackend.UPDATE), null, null)))
        .as("a log with fewer topics than positions never matches")
        .isEqualTo(RunningServer.EMPTY_ARRAY);
  }

  @Test
  void blockHashSelectsOneBlock() {
    String hash = Hex.data(rpc.fake.chain.blockAt(1).header().hash());

    JsonNode logs = logs(Map.of("blockHash", hash, "address", TOKEN.toHexString()));

    assertThat(logs).extracting(l -> l.get("logIndex").asText()).containsExactly("0x1", "0x2");
  }

  @Test
  void unknownBlockHashIsAnError() {
    JsonNode error = rpc.error("eth_getLogs", Map.of("blockHash", "0x" + "33".repeat(32)));

    assertThat(error.get("code").asInt()).isEqualTo(-32000);
    assertThat(error.get("message").asText()).isEqualTo("unknown block 0x" + "33".repeat(32));
  }

  @Test
  void rangeWiderThanTheLimitIsRefused() {
    JsonNode error = rpc.error("eth_getLogs", Map.of("fromBlock", "earliest", "toBlock", "latest"));

    assertThat(error.get("code").asInt()).isEqualTo(-32005);
    assertThat(error.get("message").asText()).isEqualTo("query exceeds max block range 4");
  }

  @Test
  void rangeEndingBeyondTheHeadEndsAtTheHead() {
    assertThat(logs(Map.of("fromBlock", "0x3", "toBlock", "0x3e8"))).hasSize(1);
    assertThat(logs(Map.of("fromBlock", "0x3e7", "toBlock", "0x3e8")))
        .isEqualTo(RunningServer.EMPTY_ARRAY);
  }

  @Test
  void malformedFiltersAreInvalidParams() {
    assertThat(
            rpc.error("eth_getLogs", Map.of("fromBlock", "0x3", "toBlock", "0x1"))
                .get("message")
                .asText())
        .isEqualTo("invalid block range: fromBlock 0x3 is after toBlock 0x1");
    assertThat(
            rpc.error(
                    "eth_getLogs", Map.of("blockHash", "0x" + "33".repeat(32), "fromBlock", "0x1"))
                .get("message")
                .asText())
        .contains("blockHash cannot be combined");
    assertThat(
            rpc.error("eth_getLogs", Map.of("topics", List.of("0x1", "0x2", "0x3", "0x4", "0x5")))
                .get("message")
                .asText())
        .contains("at most 4 topics");
    assertThat(rpc.error("eth_getLogs", Map.of("address", "0x1003")).get("message").asText())
        .isEqualTo(
            "invalid argument 0 (filter).address: an address has 40 hex digits, got 4 in"
                + " \"0x1003\"");
  }

  @Test
  void logFilterReportsOnlyNewMatchingLogsOnce() {
    String id = rpc.result("eth_newFilter", Map.of("address", TOKEN.toHexString())).asText();
    assertThat(rpc.result("eth_getFilterChanges", id)).isEqualTo(RunningServer.EMPTY_ARRAY);

    Block added = rpc.fake.appendBlock(MODEL_REGISTRY, TOKEN);

    JsonNode changes = rpc.result("eth_getFilterChanges", id);
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).get("blockNumber").asText()).isEqualTo("0x5");
    assertThat(changes.get(0).get("logIndex").asText()).isEqualTo("0x1");
    assertThat(changes.get(0).get("blockHash").asText()).isEqualTo(Hex.data(added.header().hash()));
    assertThat(changes.get(0).get("blockTimestamp").asText())
        .isEqualTo(Hex.quantity(added.header().timestamp()));
    assertThat(rpc.result("eth_getFilterChanges", id)).isEqualTo(RunningServer.EMPTY_ARRAY);
  }

  @Test
  void filterLogsRunTheWholeFilterIncludingHistory() {
    String id =
        rpc.result(
                "eth_newFilter",
                Map.of(
                    "fromBlock",
                    "0x2",
                    "address",
                    List.of(TOKEN.toHexString(), DATA_PROVENANCE.toHexString())))
            .asText();
    rpc.fake.appendBlock(TOKEN);

    assertThat(rpc.result("eth_getFilterLogs", id))
        .extracting(l -> l.get("blockNumber").asText())
        .containsExactly("0x3", "0x5");
  }

  @Test
  void explicitToBlockBoundsTheChanges() {
    String id = rpc.result("eth_newFilter", Map.of("fromBlock", "0x1", "toBlock", "0x5")).asText();
    rpc.fake.appendBlock(TOKEN);
    rpc.fake.appendBlock(TOKEN);

    assertThat(rpc.result("eth_getFilterChanges", id))
        .extracting(l -> l.get("blockNumber").asText())
        .containsExactly("0x5");
  }

  @Test
  void blockFilterReportsNewBlockHashes() {
    String id = rpc.result("eth_newBlockFilter").asText();
    assertThat(rpc.result("eth_getFilterChanges", id)).isEqualTo(RunningServer.EMPTY_ARRAY);

    Block five = rpc.fake.appendBlock();
    Block six = rpc.fake.appendBlock(TOKEN);

    assertThat(rpc.result("eth_getFilterChanges", id))
        .extracting(JsonNode::asText)
        .containsExactly(Hex.data(five.header().hash()), Hex.data(six.header().hash()));
    assertThat(rpc.result("eth_getFilterChanges", id)).isEqualTo(RunningServer.EMPTY_ARRAY);
    assertThat(rpc.error("eth_getFilterLogs", id).get("message").asText())
        .contains("a block filter has no logs");
  }

  @Test
  void uninstalledFilterIsGone() {
    String id = rpc.result("eth_newBlockFilter").asText();

    assertThat(rpc.result("eth_uninstallFilter", id).asBoolean()).isTrue();
    assertThat(rpc.result("eth_uninstallFilter", id).asBoolean()).isFalse();
    JsonNode error = rpc.error("eth_getFilterChanges", id);
    assertThat(error.get("code").asInt()).isEqualTo(-32000);
    assertThat(error.get("message").asText()).isEqualTo("filter not found");
  }

  @Test
  void installedFiltersAreBounded() {
    for (int i = 0; i < 3; i++) {
      rpc.result("eth_newBlockFilter");
    }

    JsonNode error = rpc.error("eth_newFilter", Map.of());

    assertThat(error.get("code").asInt()).isEqualTo(-32005);
    assertThat(error.get("message").asText())
        .startsWith("too many installed filters: the limit is 3");
  }

  @Test
  void idleFilterExpiresAndFreesItsSlot() {
    String polled = rpc.result("eth_newBlockFilter").asText();
    String idle = rpc.result("eth_newBlockFilter").asText();
    clock.advance(Duration.ofMinutes(3));
    rpc.result("eth_getFilterChanges", polled);
    clock.advance(Duration.ofMinutes(3));

    assertThat(rpc.error("eth_getFilterChanges", idle).get("message").asText())
        .isEqualTo("filter not found");
    assertThat(rpc.result("eth_getFilterChanges", polled)).isEqualTo(RunningServer.EMPTY_ARRAY);
  }

  @Test
  void newFilterTakesNoBlockHash() {
    JsonNode error = rpc.error("eth_newFilter", Map.of("blockHash", Hex.data(Bytes32.ZERO)));

    assertThat(error.get("code").asInt()).isEqualTo(-32602);
  }

  private JsonNode logs(Map<String, ?> filter) {
    return rpc.result("eth_getLogs", filter);
  }

  private JsonNode topics(List<?> topics) {
    java.util.HashMap<String, Object> filter = new java.util.HashMap<>();
    filter.put("fromBlock", "0x1");
    filter.put("topics", topics);
    return rpc.result("eth_getLogs", filter);
  }
}

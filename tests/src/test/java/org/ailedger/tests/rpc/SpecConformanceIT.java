package org.ailedger.tests.rpc;

import static org.ailedger.tests.dsl.ConformanceChain.TOKEN;
import static org.ailedger.tests.dsl.ConformanceChain.address;
import static org.ailedger.tests.dsl.ConformanceChain.balanceOf;
import static org.ailedger.tests.dsl.ConformanceChain.transferData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ailedger.tests.dsl.ConformanceChain;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.ExecutionApis;
import org.ailedger.tests.dsl.JsonRpc;
import org.ailedger.tests.dsl.RpcReply;
import org.ailedger.tests.dsl.WebSocketRpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Hash;

/**
 * Every answer of a real node, checked against the Ethereum execution-apis specification (test
 * data, see {@code execution-apis/SOURCE.md}): a chain with legacy, EIP-2930 and EIP-1559
 * transactions, a native-contract call with a log, a reverted call, filters, a pending and an
 * unknown transaction is built once; then each line of {@link #calls()} sends a spec-legal request
 * and validates the result against the method's result schema. A method the node starts serving
 * fails {@link #everySpecMethodTheNodeServesHasALine()} until it gets a line here.
 */
class SpecConformanceIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("spec-conformance");

  private static final ExecutionApis SPEC = ExecutionApis.load();
  private static final int METHOD_NOT_FOUND = -32601;
  private static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(30);
  private static final String TRANSFER_TOPIC = Hash.sha3String("Transfer(address,address,uint256)");
  private static final String UNKNOWN_HASH = "0x" + "ab".repeat(32);

  /**
   * Methods whose result is the spec's FilterResults: {@code oneOf} an array of hashes or an array
   * of logs, so an empty array fits both branches and is never valid; their lines must find
   * something.
   */
  private static final Set<String> FILTER_RESULTS =
      Set.of("eth_getLogs", "eth_getFilterChanges", "eth_getFilterLogs");

  /** Methods the node serves that the specification does not define, and why. */
  private static final Map<String, String> OUTSIDE_THE_SPEC =
      Map.ofEntries(
          Map.entry("web3_clientVersion", "web3_* is not in execution-apis' src/eth"),
          Map.entry("web3_sha3", "web3_* is not in execution-apis' src/eth"),
          Map.entry("net_listening", "only net_version is specified"),
          Map.entry("net_peerCount", "only net_version is specified"),
          Map.entry("eth_subscribe", "WebSocket only; notifications are checked below instead"),
          Map.entry("eth_unsubscribe", "WebSocket only; its result is a plain boolean"),
          Map.entry("qbft_getValidatorsByBlockNumber", "Besu's QBFT API"),
          Map.entry("qbft_getValidatorsByBlockHash", "Besu's QBFT API"),
          Map.entry("qbft_getSignerMetrics", "Besu's QBFT API"),
          Map.entry("admin_peers", "geth/Besu admin API"),
          Map.entry("admin_nodeInfo", "geth/Besu admin API"),
          Map.entry("admin_addPeer", "geth/Besu admin API"),
          Map.entry("admin_removePeer", "geth/Besu admin API"));

  private static JsonRpc rpc;
  private static WebSocketRpc socket;
  private static ConformanceChain mined;

  @BeforeAll
  static void buildAChainWithEveryKindOfTransaction() {
    rpc = NODE.node().rpc();
    socket = WebSocketRpc.connect(NODE.node().wsUrl());
    socket.call("eth_subscribe", "newHeads").result();
    socket.call("eth_subscribe", "logs", Map.of("address", TOKEN)).result();
    mined = ConformanceChain.build(rpc, SPEC);
  }

  @AfterAll
  static void closeTheSocket() {
    if (socket != null) {
      socket.close();
    }
  }

  /** One request of the table: its method, and its params built from what the set-up mined. */
  record Call(String label, String method, Function<ConformanceChain, List<Object>> params) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Call> calls() {
    return Stream.of(
        line("net_version"),
        line("eth_chainId"),
        line("eth_blockNumber"),
        line("eth_syncing"),
        line("eth_accounts"),
        line("eth_gasPrice"),
        line("eth_maxPriorityFeePerGas"),
        line("eth_feeHistory", m -> List.of("0x4", "latest", List.of(25, 75))),
        line("eth_getBalance", m -> List.of(address(0), "latest")),
        line("eth_getBalance at a block number", m -> List.of(address(0), "0x1")),
        line("eth_getBalance at a block hash", m -> List.of(address(0), m.tokenBlockHash())),
        line("eth_getTransactionCount", m -> List.of(address(0), "pending")),
        line("eth_getCode of a native contract", m -> List.of(TOKEN, "latest")),
        line("eth_getCode of an account", m -> List.of(address(0), "latest")),
        line("eth_getStorageAt", m -> List.of(TOKEN, "0x0", "latest")),
        line(
            "eth_call",
            m -> List.of(Map.of("to", TOKEN, "input", balanceOf(address(0))), "latest")),
        line(
            "eth_estimateGas",
            m ->
                List.of(
                    Map.of(
                        "from", address(0), "to", TOKEN, "input", transferData(BigInteger.ONE)))),
        line("eth_sendRawTransaction", m -> List.of(m.unsent())),
        line("eth_getTransactionByHash legacy", m -> List.of(m.legacy())),
        line("eth_getTransactionByHash EIP-2930", m -> List.of(m.accessList())),
        line("eth_getTransactionByHash EIP-1559", m -> List.of(m.dynamicFee())),
        line("eth_getTransactionByHash native call", m -> List.of(m.tokenTransfer())),
        line("eth_getTransactionByHash reverted", m -> List.of(m.reverted())),
        line("eth_getTransactionByHash unknown", m -> List.of(UNKNOWN_HASH)),
        line("eth_getTransactionReceipt legacy", m -> List.of(m.legacy())),
        line("eth_getTransactionReceipt EIP-2930", m -> List.of(m.accessList())),
        line("eth_getTransactionReceipt EIP-1559", m -> List.of(m.dynamicFee())),
        line("eth_getTransactionReceipt with a log", m -> List.of(m.tokenTransfer())),
        line("eth_getTransactionReceipt reverted", m -> List.of(m.reverted())),
        line("eth_getTransactionReceipt pending", m -> List.of(m.pending())),
        line("eth_getTransactionReceipt unknown", m -> List.of(UNKNOWN_HASH)),
        line("eth_getBlockReceipts by number", m -> List.of(m.tokenBlockNumber())),
        line("eth_getBlockReceipts by hash", m -> List.of(m.tokenBlockHash())),
        line("eth_getBlockReceipts latest", m -> List.of("latest")),
        line("eth_getBlockReceipts unknown", m -> List.of(UNKNOWN_HASH)),
        line("eth_getTransactionByBlockHashAndIndex", m -> List.of(m.tokenBlockHash(), "0x0")),
        line(
            "eth_getTransactionByBlockHashAndIndex past the end",
            m -> List.of(m.tokenBlockHash(), "0x3e8")),
        line("eth_getTransactionByBlockNumberAndIndex", m -> List.of(m.tokenBlockNumber(), "0x0")),
        line("eth_getBlockByNumber latest", m -> List.of("latest", false)),
        line("eth_getBlockByNumber earliest, full", m -> List.of("earliest", true)),
        line("eth_getBlockByNumber full", m -> List.of(m.tokenBlockNumber(), true)),
        line("eth_getBlockByNumber beyond the head", m -> List.of("0xffffffff", false)),
        line("eth_getBlockByHash", m -> List.of(m.tokenBlockHash(), false)),
        line("eth_getBlockByHash full", m -> List.of(m.tokenBlockHash(), true)),
        line("eth_getBlockByHash unknown", m -> List.of(UNKNOWN_HASH, true)),
        line("eth_getBlockTransactionCountByNumber", m -> List.of(m.tokenBlockNumber())),
        line("eth_getBlockTransactionCountByHash", m -> List.of(m.tokenBlockHash())),
        line("eth_getLogs", m -> List.of(Map.of("fromBlock", "earliest", "toBlock", "latest"))),
        line("eth_getLogs by block hash", m -> List.of(Map.of("blockHash", m.tokenBlockHash()))),
        line(
            "eth_getLogs by address and topic",
            m ->
                List.of(
                    Map.of(
                        "fromBlock",
                        "earliest",
                        "address",
                        TOKEN,
                        "topics",
                        List.of(TRANSFER_TOPIC)))),
        line("eth_newFilter", m -> List.of(Map.of("fromBlock", "latest"))),
        line("eth_newBlockFilter"),
        line("eth_getFilterChanges of logs", m -> List.of(m.logFilter())),
        line("eth_getFilterChanges of blocks", m -> List.of(m.blockFilter())),
        line("eth_getFilterLogs", m -> List.of(m.logFilter())),
        line("eth_uninstallFilter", m -> List.of(m.filterToUninstall())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  void resultConformsToTheSpec(Call call) {
    List<Object> params = call.params().apply(mined);
    SPEC.assertLegalRequest(call.method(), params.toArray());

    JsonNode result = rpc.call(call.method(), params.toArray()).result();

    assertThat(FILTER_RESULTS.contains(call.method()) && result.isEmpty())
        .as("%s found nothing, which no FilterResults schema accepts", call.label())
        .isFalse();
    assertThat(SPEC.resultViolations(call.method(), withoutExtensions(call.method(), result)))
        .as("%s answered %s", call.label(), result)
        .isEmpty();
  }

  @Test
  void everySpecMethodTheNodeServesHasALine() {
    Set<String> inTable = new TreeSet<>();
    calls().forEach(c -> inTable.add(c.method()));
    Set<String> servedButUntested = new TreeSet<>();
    for (String method : SPEC.methods()) {
      RpcReply reply = rpc.call(method);
      boolean served = !reply.isError() || reply.error().code() != METHOD_NOT_FOUND;
      if (served && !inTable.contains(method)) {
        servedButUntested.add(method);
      }
    }
    assertThat(servedButUntested).as("spec methods the node serves without a line").isEmpty();
    assertThat(inTable).as("every line is a spec method").allMatch(SPEC::defines);
    assertThat(OUTSIDE_THE_SPEC.keySet()).noneMatch(SPEC::defines);
    // keeps the list honest: HTTP refuses only the subscription methods as not found
    assertThat(OUTSIDE_THE_SPEC.keySet())
        .filteredOn(method -> !method.endsWith("subscribe"))
        .allMatch(
            method -> {
              RpcReply reply = rpc.call(method);
              return !reply.isError() || reply.error().code() != METHOD_NOT_FOUND;
            },
            "is served");
  }

  @Test
  void minedTransactionsAndLogsCarryTheirBlocksTimestamp() {
    JsonNode block = call("eth_getBlockByHash", mined.tokenBlockHash(), true);
    String timestamp = block.get("timestamp").textValue();

    assertThat(block.get("transactions").findValuesAsText("blockTimestamp"))
        .isNotEmpty()
        .allMatch(timestamp::equals);
    assertThat(call("eth_getTransactionByHash", mined.tokenTransfer()).get("blockTimestamp"))
        .isEqualTo(block.get("timestamp"));
    JsonNode logs = call("eth_getLogs", Map.of("blockHash", mined.tokenBlockHash()));
    assertThat(logs.findValuesAsText("blockTimestamp")).isNotEmpty().allMatch(timestamp::equals);
  }

  /**
   * The specification has no shape for a transaction still in the pool (its TransactionInfo
   * requires a block hash); the node answers as geth does, the signed transaction with null block
   * fields, so that part is checked against the spec's TransactionSigned.
   */
  @Test
  void pendingTransactionIsASignedTransactionWithoutABlock() {
    JsonNode tx = call("eth_getTransactionByHash", mined.pending());

    for (String field : List.of("blockHash", "blockNumber", "blockTimestamp", "transactionIndex")) {
      assertThat(tx.has(field) && tx.get(field).isNull())
          .as("%s is null in %s", field, tx)
          .isTrue();
    }
    assertThat(tx.get("hash").textValue()).isEqualTo(mined.pending());
    assertThat(SPEC.schemaViolations("TransactionSigned", tx)).as("%s", tx).isEmpty();
  }

  /**
   * The specification has no subscription methods: a {@code newHeads} notification carries the
   * header fields of its Block schema (geth sends no size, transactions or uncles there), a {@code
   * logs} notification one Log.
   */
  @Test
  void subscriptionNotificationsConform() {
    ObjectNode header = (ObjectNode) SPEC.schema("Block");
    ArrayNode required = (ArrayNode) header.get("required");
    for (int i = required.size() - 1; i >= 0; i--) {
      if (Set.of("size", "transactions", "uncles").contains(required.get(i).textValue())) {
        required.remove(i);
      }
    }
    SPEC.defineLocal("Header", header);
    boolean sawHeader = false;
    boolean sawLog = false;
    while (!sawHeader || !sawLog) {
      JsonNode result = socket.nextNotification(NOTIFICATION_TIMEOUT).path("params").path("result");
      boolean isLog = result.has("logIndex");
      List<String> violations =
          isLog ? SPEC.schemaViolations("Log", result) : SPEC.localViolations("Header", result);
      assertThat(violations).as("notification %s", result).isEmpty();
      sawHeader |= !isLog;
      sawLog |= isLog;
    }
  }

  /**
   * Besu's {@code revertReason} on the receipt of a failed call: the spec's receipt allows no extra
   * member, but DESIGN §4 surfaces revert reasons in receipts, as Besu does. Only this member is
   * removed before validating, and only from receipts.
   */
  private static JsonNode withoutExtensions(String method, JsonNode result) {
    if (method.equals("eth_getTransactionReceipt") && result.isObject()) {
      ObjectNode copy = result.deepCopy();
      copy.remove("revertReason");
      return copy;
    }
    if (method.equals("eth_getBlockReceipts") && result.isArray()) {
      ArrayNode copy = result.deepCopy();
      copy.forEach(receipt -> ((ObjectNode) receipt).remove("revertReason"));
      return copy;
    }
    return result;
  }

  private static Call line(String method) {
    return new Call(method, method, m -> List.of());
  }

  /** A line whose method is the label's first word. */
  private static Call line(String label, Function<ConformanceChain, List<Object>> params) {
    return new Call(label, label.split(" ")[0], params);
  }

  private static JsonNode call(String method, Object... params) {
    SPEC.assertLegalRequest(method, params);
    return rpc.result(method, params);
  }
}

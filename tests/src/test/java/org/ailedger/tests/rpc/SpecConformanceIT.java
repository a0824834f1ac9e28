package org.ailedger.tests.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.ExecutionApis;
import org.ailedger.tests.dsl.JsonRpc;
import org.ailedger.tests.dsl.RpcReply;
import org.ailedger.tests.dsl.SignedTransactions;
import org.ailedger.tests.dsl.WebSocketRpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
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
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int METHOD_NOT_FOUND = -32601;
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);
  private static final String TOKEN = NativeContract.CONTRIBUTION_TOKEN.address().hex();
  private static final String TRANSFER_TOPIC = Hash.sha3String("Transfer(address,address,uint256)");
  private static final String UNKNOWN_HASH = "0x" + "ab".repeat(32);
  private static final long NATIVE_CALL_GAS = 1_000_000;

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
  private static Mined mined;

  /** What the set-up put on chain and in the pool, for the table's requests. */
  private record Mined(
      String legacy,
      String accessList,
      String dynamicFee,
      String tokenTransfer,
      String reverted,
      String pending,
      String unsent,
      String tokenBlockHash,
      String tokenBlockNumber,
      String logFilter,
      String blockFilter,
      String filterToUninstall) {}

  @BeforeAll
  static void buildAChainWithEveryKindOfTransaction() {
    rpc = NODE.node().rpc();
    socket = WebSocketRpc.connect(NODE.node().wsUrl());
    socket.call("eth_subscribe", "newHeads").result();
    socket.call("eth_subscribe", "logs", Map.of("address", TOKEN)).result();
    String logFilter =
        call("eth_newFilter", Map.of("fromBlock", "earliest", "address", TOKEN)).textValue();
    String blockFilter = call("eth_newBlockFilter").textValue();
    String filterToUninstall = call("eth_newBlockFilter").textValue();

    String legacy =
        send(
            SignedTransactions.legacy(
                Devnet.account(6),
                Devnet.CHAIN_ID,
                nonce(6),
                21_000,
                address(8),
                BigInteger.ZERO,
                "0x"));
    String accessList =
        send(
            SignedTransactions.eip2930(
                Devnet.account(7),
                Devnet.CHAIN_ID,
                nonce(7),
                NATIVE_CALL_GAS,
                TOKEN,
                List.of("0x" + "00".repeat(32)),
                balanceOf(address(7))));
    String dynamicFee =
        send(
            SignedTransactions.eip1559(
                Devnet.account(8),
                Devnet.CHAIN_ID,
                nonce(8),
                21_000,
                address(9),
                BigInteger.ZERO,
                "0x"));
    String tokenTransfer = send(tokenTransfer(0, BigInteger.ONE));
    // far more than anyone holds, so the token contract reverts with a reason
    String reverted = send(tokenTransfer(5, BigInteger.TWO.pow(200)));
    // a nonce gap keeps this one in the pool for as long as the test runs
    String pending =
        send(
            SignedTransactions.eip1559(
                Devnet.account(9),
                Devnet.CHAIN_ID,
                nonce(9) + 5,
                21_000,
                address(8),
                BigInteger.ZERO,
                "0x"));
    String unsent =
        SignedTransactions.eip1559(
            Devnet.account(4),
            Devnet.CHAIN_ID,
            nonce(4),
            21_000,
            address(8),
            BigInteger.ZERO,
            "0x");

    JsonNode tokenReceipt = null;
    for (String hash : List.of(legacy, accessList, dynamicFee, tokenTransfer, reverted)) {
      JsonNode receipt = awaitReceipt(hash);
      if (hash.equals(tokenTransfer)) {
        tokenReceipt = receipt;
      }
    }
    assertThat(awaitReceipt(reverted).get("status").textValue()).isEqualTo("0x0");
    assertThat(tokenReceipt.get("logs")).as("the Transfer log").hasSize(1);
    mined =
        new Mined(
            legacy,
            accessList,
            dynamicFee,
            tokenTransfer,
            reverted,
            pending,
            unsent,
            tokenReceipt.get("blockHash").textValue(),
            tokenReceipt.get("blockNumber").textValue(),
            logFilter,
            blockFilter,
            filterToUninstall);
  }

  @AfterAll
  static void closeTheSocket() {
    if (socket != null) {
      socket.close();
    }
  }

  /** One request of the table: its method, and its params built from what the set-up mined. */
  record Call(String label, String method, Function<Mined, List<Object>> params) {
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
            m -> List.of(Map.of("from", address(0), "to", TOKEN, "input", transferData(1)))),
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
    assertLegal(call.method(), params.toArray());

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
      JsonNode result = socket.nextNotification(RECEIPT_TIMEOUT).path("params").path("result");
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
  private static Call line(String label, Function<Mined, List<Object>> params) {
    return new Call(label, label.split(" ")[0], params);
  }

  private static JsonNode call(String method, Object... params) {
    assertLegal(method, params);
    return rpc.result(method, params);
  }

  private static void assertLegal(String method, Object... params) {
    if (!SPEC.defines(method)) {
      return;
    }
    List<JsonNode> json = new ArrayList<>();
    Arrays.stream(params).forEach(p -> json.add(JSON.valueToTree(p)));
    assertThat(SPEC.paramViolations(method, json))
        .as("the test's request %s%s is legal", method, json)
        .isEmpty();
  }

  private static String send(String raw) {
    return call("eth_sendRawTransaction", raw).textValue();
  }

  private static JsonNode awaitReceipt(String hash) {
    return Await.until(
        "the receipt of " + hash,
        RECEIPT_TIMEOUT,
        () -> {
          JsonNode receipt = rpc.result("eth_getTransactionReceipt", hash);
          return receipt.isNull() ? Optional.empty() : Optional.of(receipt);
        });
  }

  private static long nonce(int account) {
    return JsonRpc.quantity(call("eth_getTransactionCount", address(account), "pending"))
        .longValueExact();
  }

  private static String address(int account) {
    return Devnet.account(account).getAddress();
  }

  private static String tokenTransfer(int from, BigInteger amount) {
    Credentials sender = Devnet.account(from);
    return SignedTransactions.eip1559(
        sender,
        Devnet.CHAIN_ID,
        nonce(from),
        NATIVE_CALL_GAS,
        TOKEN,
        BigInteger.ZERO,
        FunctionEncoder.encode(
            new org.web3j.abi.datatypes.Function(
                "transfer", List.of(new Address(address(6)), new Uint256(amount)), List.of())));
  }

  private static String transferData(long amount) {
    return FunctionEncoder.encode(
        new org.web3j.abi.datatypes.Function(
            "transfer",
            List.of(new Address(address(6)), new Uint256(BigInteger.valueOf(amount))),
            List.of()));
  }

  private static String balanceOf(String account) {
    return FunctionEncoder.encode(
        new org.web3j.abi.datatypes.Function(
            "balanceOf", List.of(new Address(account)), List.of()));
  }
}

package org.ailedger.node.rpc;

import static org.ailedger.node.rpc.FakeBackend.ALICE;
import static org.ailedger.node.rpc.FakeBackend.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.tx.TransactionRejection;
import org.ailedger.node.txpool.SubmitResult;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chain-wide, state, fee, call and submission methods over HTTP against the fake backend. */
@TimeBoxed
class EthStateAndCallIT {
  private static RunningServer rpc;

  @BeforeAll
  @TimeBoxed
  static void start() {
    rpc = new RunningServer();
  }

  @AfterAll
  @TimeBoxed
  static void stop() {
    rpc.close();
  }

  @Test
  void nodeAndNetworkMethodsDescribeTheNode() {
    assertThat(rpc.result("web3_clientVersion").asText())
        .isEqualTo(RpcConfig.DEFAULT_CLIENT_VERSION);
    assertThat(rpc.result("web3_sha3", "0x68656c6c6f20776f726c64").asText())
        .isEqualTo("0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad");
    assertThat(rpc.result("net_version").asText()).isEqualTo("1337");
    assertThat(rpc.result("net_listening").asBoolean()).isFalse();
    assertThat(rpc.result("net_peerCount").asText()).isEqualTo("0x0");
    assertThat(rpc.result("admin_peers")).isEqualTo(RunningServer.EMPTY_ARRAY);
    assertThat(rpc.result("eth_chainId").asText()).isEqualTo("0x539");
    assertThat(rpc.result("eth_blockNumber").asText()).isEqualTo("0x4");
    assertThat(rpc.result("eth_syncing").asBoolean()).isFalse();
    assertThat(rpc.result("eth_accounts")).isEqualTo(RunningServer.EMPTY_ARRAY);
  }

  @Test
  void surplusArgumentsAreRefused() {
    JsonNode error = rpc.error("eth_chainId", "0x1");

    assertThat(error.get("message").asText())
        .isEqualTo("too many arguments: want at most 0, got 1");
  }

  @Test
  void gasPriceIsBaseFeePlusSuggestedTip() {
    assertThat(rpc.result("eth_gasPrice").asText()).isEqualTo("0xa");
    assertThat(rpc.result("eth_maxPriorityFeePerGas").asText()).isEqualTo("0x0");
  }

  @Test
  void feeHistoryReportsBaseFeesRatiosAndTipPercentiles() {
    JsonNode history = rpc.result("eth_feeHistory", "0x2", "latest", List.of(50));

    assertThat(history.get("oldestBlock").asText()).isEqualTo("0x3");
    assertThat(history.get("baseFeePerGas"))
        .extracting(JsonNode::asText)
        .containsExactly("0xa", "0xa", "0x9");
    assertThat(history.get("gasUsedRatio").get(0).asDouble()).isEqualTo(40_000.0 / 30_000_000);
    assertThat(history.get("gasUsedRatio").get(1).asDouble()).isZero();
    assertThat(history.get("reward").get(0)).extracting(JsonNode::asText).containsExactly("0x1");
    assertThat(history.get("reward").get(1)).extracting(JsonNode::asText).containsExactly("0x0");
  }

  @Test
  void feeHistoryPercentilesFollowGasWeightedTips() {
    JsonNode history = rpc.result("eth_feeHistory", "0x1", "0x1", List.of(0, 50, 100));

    assertThat(history.get("reward").get(0))
        .extracting(JsonNode::asText)
        .containsExactly("0x5", "0x5", "0xa");
    assertThat(history.get("baseFeePerGas"))
        .extracting(JsonNode::asText)
        .containsExactly("0xa", "0xa");
  }

  @Test
  void feeHistoryRefusesDecreasingPercentiles() {
    JsonNode error = rpc.error("eth_feeHistory", "0x1", "latest", List.of(60, 10));

    assertThat(error.get("code").asInt()).isEqualTo(-32602);
    assertThat(error.get("message").asText()).contains("percentiles must not decrease");
  }

  @Test
  void balanceIsReadAtTheRequestedBlock() {
    String hash1 = Hex.data(rpc.fake.chain.blockAt(1).header().hash());

    assertThat(rpc.result("eth_getBalance", ALICE.toHexString(), "latest").asText())
        .isEqualTo("0x3e8");
    assertThat(rpc.result("eth_getBalance", ALICE.toHexString(), "0x1").asText())
        .isEqualTo("0xbb8");
    assertThat(
            rpc.result("eth_getBalance", ALICE.toHexString(), Map.of("blockHash", hash1)).asText())
        .isEqualTo("0xbb8");
    assertThat(rpc.result("eth_getBalance", ALICE.toHexString(), "earliest").asText())
        .isEqualTo("0x0");
    assertThat(rpc.result("eth_getBalance", BOB.toHexString(), "safe").asText()).isEqualTo("0x0");
  }

  @Test
  void stateQueryAtAnUnknownBlockIsHeaderNotFound() {
    JsonNode error = rpc.error("eth_getBalance", ALICE.toHexString(), "0x63");

    assertThat(error.get("code").asInt()).isEqualTo(-32000);
    assertThat(error.get("message").asText()).isEqualTo("header not found");
  }

  @Test
  void transactionCountForPendingCountsPooledTransactions() {
    assertThat(rpc.result("eth_getTransactionCount", ALICE.toHexString(), "latest").asText())
        .isEqualTo("0x2");
    assertThat(rpc.result("eth_getTransactionCount", BOB.toHexString(), "latest").asText())
        .isEqualTo("0x0");
    assertThat(rpc.result("eth_getTransactionCount", BOB.toHexString(), "pending").asText())
        .isEqualTo("0x8");
  }

  @Test
  void codeOfANativeContractIsAMarkerAndOfAnAccountEmpty() {
    assertThat(
            rpc.result("eth_getCode", FakeBackend.MODEL_REGISTRY.toHexString(), "latest").asText())
        .isEqualTo("0xfe");
    assertThat(rpc.result("eth_getCode", BOB.toHexString(), "latest").asText()).isEqualTo("0x");
  }

  @Test
  void storageWordIsThirtyTwoBytes() {
    assertThat(
            rpc.result("eth_getStorageAt", FakeBackend.TOKEN.toHexString(), "0x1", "latest")
                .asText())
        .isEqualTo(Hex.data(FakeBackend.SLOT_VALUE));
    assertThat(
            rpc.result(
                    "eth_getStorageAt",
                    FakeBackend.TOKEN.toHexString(),
                    Hex.data(Bytes32.fromHexString("0x02")),
                    "latest")
                .asText())
        .isEqualTo(Hex.data(Bytes32.ZERO));
  }

  @Test
  void callReturnsOutputAndCapsGas() {
    Map<String, String> call =
        Map.of(
            "to",
            FakeBackend.TOKEN.toHexString(),
            "data",
            Hex.data(FakeBackend.BALANCE_OF),
            "gas",
            "0x5f5e100");

    assertThat(rpc.result("eth_call", call, "latest").asText())
        .isEqualTo(Hex.data(Bytes32.leftPad(Bytes.of(42))));
    assertThat(rpc.fake.lastCall.get().gas().getAsLong()).isEqualTo(RpcConfig.DEFAULT_CALL_GAS_CAP);
    assertThat(rpc.fake.lastCall.get().to()).contains(FakeBackend.TOKEN);
  }

  @Test
  void callWithoutGasGetsTheBlockGasLimit() {
    rpc.result(
        "eth_call",
        Map.of("to", FakeBackend.TOKEN.toHexString(), "input", Hex.data(FakeBackend.BALANCE_OF)),
        "latest");

    assertThat(rpc.fake.lastCall.get().gas().getAsLong()).isEqualTo(TestChain.GAS_LIMIT);
    assertThat(rpc.fake.lastCall.get().data()).isEqualTo(FakeBackend.BALANCE_OF);
  }

  @Test
  void revertedCallIsErrorThreeWithReasonAndRevertData() {
    JsonNode error =
        rpc.error(
            "eth_call",
            Map.of(
                "to",
                FakeBackend.MODEL_REGISTRY.toHexString(),
                "data",
                Hex.data(FakeBackend.REVERTING)),
            "latest");

    assertThat(error.get("code").asInt()).isEqualTo(3);
    assertThat(error.get("message").asText())
        .isEqualTo("execution reverted: " + FakeBackend.CALL_REVERT_REASON);
    assertThat(error.get("data").asText())
        .isEqualTo(Hex.data(TestTransactions.errorString(FakeBackend.CALL_REVERT_REASON)));
  }

  @Test
  void estimateGasIsIntrinsicPlusExecution() {
    JsonNode estimate =
        rpc.result(
            "eth_estimateGas",
            Map.of(
                "from",
                ALICE.toHexString(),
                "to",
                FakeBackend.TOKEN.toHexString(),
                "data",
                Hex.data(FakeBackend.BALANCE_OF)));

    assertThat(estimate.asText())
        .isEqualTo(Hex.quantity(FakeBackend.CALL_INTRINSIC_GAS + FakeBackend.CALL_GAS_USED));
    assertThat(rpc.fake.lastCall.get().from()).contains(ALICE);
  }

  @Test
  void revertedEstimateIsErrorThree() {
    JsonNode error =
        rpc.error(
            "eth_estimateGas",
            Map.of(
                "to",
                FakeBackend.MODEL_REGISTRY.toHexString(),
                "data",
                Hex.data(FakeBackend.REVERTING)));

    assertThat(error.get("code").asInt()).isEqualTo(3);
    assertThat(error.get("data").asText()).startsWith("0x08c379a0");
  }

  @Test
  void callObjectsThatContradictThemselvesAreInvalidParams() {
    JsonNode both = rpc.error("eth_call", Map.of("data", "0x01", "input", "0x02"), "latest");
    JsonNode fees =
        rpc.error("eth_call", Map.of("gasPrice", "0x1", "maxFeePerGas", "0x2"), "latest");
    JsonNode odd = rpc.error("eth_call", Map.of("data", "0x123"), "latest");

    assertThat(both.get("message").asText())
        .isEqualTo("invalid argument 0 (call): both \"data\" and \"input\" are set and not equal");
    assertThat(fees.get("code").asInt()).isEqualTo(-32602);
    assertThat(odd.get("message").asText())
        .isEqualTo(
            "invalid argument 0 (call).data: hex data \"0x123\" has an odd number of digits");
  }

  @Test
  void callAtAnUnknownBlockIsHeaderNotFound() {
    JsonNode error = rpc.error("eth_call", Map.of("to", BOB.toHexString()), "0x99");

    assertThat(error.get("message").asText()).isEqualTo("header not found");
  }

  @Test
  void acceptedRawTransactionAnswersItsHash() {
    Bytes raw = Bytes.fromHexString("0x02f86b");
    Bytes32 hash = Bytes32.fromHexString("0x" + "ab".repeat(32));
    rpc.fake.submissions.put(raw, new SubmitResult.Accepted(hash));

    assertThat(rpc.result("eth_sendRawTransaction", Hex.data(raw)).asText())
        .isEqualTo(Hex.data(hash));
  }

  @Test
  void rejectedRawTransactionsAnswerGethStyleMessages() {
    assertThat(reject("0x01", RejectionReason.NONCE_TOO_LOW, "next nonce 5, tx nonce 3"))
        .isEqualTo("nonce too low: next nonce 5, tx nonce 3");
    assertThat(
            reject(
                "0x02", RejectionReason.WRONG_CHAIN_ID, "invalid chain id: expected 1337, got 1"))
        .isEqualTo("invalid chain id: expected 1337, got 1");
    assertThat(reject("0x03", RejectionReason.SENDER_NOT_PERMITTED, "sender not permitted"))
        .isEqualTo("sender not permitted");
    JsonNode malformed = rpc.error("eth_sendRawTransaction", "0xc0");
    assertThat(malformed.get("code").asInt()).isEqualTo(-32000);
    assertThat(malformed.get("message").asText())
        .isEqualTo("malformed transaction: rlp: expected a list or a typed envelope");
  }

  @Test
  void rawTransactionThatIsNotHexIsInvalidParams() {
    JsonNode error = rpc.error("eth_sendRawTransaction", "f86b");

    assertThat(error.get("code").asInt()).isEqualTo(-32602);
    assertThat(error.get("message").asText()).contains("lacks the 0x prefix");
  }

  private static String reject(String raw, RejectionReason reason, String message) {
    rpc.fake.submissions.put(
        Bytes.fromHexString(raw),
        new SubmitResult.Rejected(new TransactionRejection(reason, message)));
    JsonNode error = rpc.error("eth_sendRawTransaction", raw);
    assertThat(error.get("code").asInt()).isEqualTo(-32000);
    return error.get("message").asText();
  }
}

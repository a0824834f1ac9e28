package org.ailedger.tests.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.HttpReply;
import org.ailedger.tests.dsl.JsonRpc;
import org.ailedger.tests.dsl.Permissions;
import org.ailedger.tests.dsl.RpcError;
import org.ailedger.tests.dsl.RpcReply;
import org.ailedger.tests.dsl.SignedTransactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * What a careless or hostile client sends, over raw JSON-RPC: every case gets a JSON-RPC error with
 * a precise message, and afterwards the node still answers and keeps producing blocks.
 */
class BadInputIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("bad-input");

  private static final int PARSE_ERROR = -32700;
  private static final int INVALID_REQUEST = -32600;
  private static final int METHOD_NOT_FOUND = -32601;
  private static final int INVALID_PARAMS = -32602;

  /** geth's code for a transaction the node refuses; clients then match the message's phrase. */
  private static final int TRANSACTION_REJECTED = -32000;

  private static final long TRANSFER_GAS = 21_000;

  private final JsonRpc rpc = NODE.node().rpc();

  @AfterEach
  void nodeStillAnswersAndKeepsProducingBlocks() {
    long head = rpc.blockNumber();
    NODE.node().awaitBlockAbove(head, Duration.ofSeconds(15));
  }

  @Test
  void malformedRlpIsRejectedAsMalformed() {
    // a list header promising 0x6b bytes followed by one byte
    RpcError error = rpc.call("eth_sendRawTransaction", "0xf86b80").error();

    assertThat(error.code()).isEqualTo(TRANSACTION_REJECTED);
    assertThat(error.message()).startsWith("malformed transaction").contains("RLP");
  }

  @Test
  void rawTransactionThatIsNotHexIsInvalidParams() {
    RpcError error = rpc.call("eth_sendRawTransaction", "0xnothex").error();

    assertThat(error.code()).isEqualTo(INVALID_PARAMS);
  }

  @Test
  void transactionSignedForAnotherChainIsRejectedNamingTheChainId() {
    String signedForMainnet = transfer(Devnet.account(6), 1, 0);

    RpcError error = rpc.call("eth_sendRawTransaction", signedForMainnet).error();

    assertThat(error.code()).isEqualTo(TRANSACTION_REJECTED);
    assertThat(error.message()).startsWith("invalid chain id").contains("1337");
  }

  @Test
  void replayingAMinedTransactionIsRejectedAsNonceTooLow() {
    Credentials sender = Devnet.account(7);
    String signed = transfer(sender, Devnet.CHAIN_ID, 0);
    String txHash = rpc.result("eth_sendRawTransaction", signed).textValue();
    awaitReceipt(txHash);

    RpcError replay = rpc.call("eth_sendRawTransaction", signed).error();
    assertThat(replay.code()).isEqualTo(TRANSACTION_REJECTED);
    assertThat(replay.message()).startsWith("nonce too low");

    String otherTxWithUsedNonce =
        SignedTransactions.eip1559(
            sender,
            Devnet.CHAIN_ID,
            0,
            TRANSFER_GAS,
            Devnet.account(9).getAddress(),
            BigInteger.ZERO,
            "0x");
    RpcError reuse = rpc.call("eth_sendRawTransaction", otherTxWithUsedNonce).error();
    assertThat(reuse.code()).isEqualTo(TRANSACTION_REJECTED);
    assertThat(reuse.message()).startsWith("nonce too low");
  }

  @Test
  void transactionFromAnAccountNotOnTheAllowlistIsRejected() throws Exception {
    Credentials stranger = Credentials.create(Keys.createEcKeyPair());

    RpcError error =
        rpc.call("eth_sendRawTransaction", transfer(stranger, Devnet.CHAIN_ID, 0)).error();

    assertThat(error.code()).isEqualTo(TRANSACTION_REJECTED);
    assertThat(error.message()).startsWith("sender not permitted").contains("allowlist");
    assertThat(rpc.result("eth_getTransactionCount", stranger.getAddress(), "latest").textValue())
        .isEqualTo("0x0");
  }

  @Test
  void unknownMethodIsMethodNotFoundNamingIt() {
    RpcError error = rpc.call("eth_noSuchMethod").error();

    assertThat(error.code()).isEqualTo(METHOD_NOT_FOUND);
    assertThat(error.message()).contains("eth_noSuchMethod");
  }

  @Test
  void wrongParamsAreInvalidParams() {
    assertThat(rpc.call("eth_getBlockByNumber", "not-a-block", false).error().code())
        .isEqualTo(INVALID_PARAMS);
    assertThat(rpc.call("eth_getBalance").error().code()).isEqualTo(INVALID_PARAMS);
    assertThat(rpc.call("eth_getTransactionReceipt", "0x1234").error().code())
        .as("a 2-byte transaction hash")
        .isEqualTo(INVALID_PARAMS);
    assertThat(rpc.call("eth_getBalance", "0x12", "latest").error().code())
        .as("a 1-byte address")
        .isEqualTo(INVALID_PARAMS);
  }

  @Test
  void upperCaseHexPrefixIsInvalidParamsNamingIt() {
    String address = Devnet.account(0).getAddress().substring(2);

    RpcError badAddress = rpc.call("eth_getBalance", "0X" + address, "latest").error();
    RpcError badBlock = rpc.call("eth_getBalance", "0x" + address, "0X1").error();

    assertThat(badAddress.code()).isEqualTo(INVALID_PARAMS);
    assertThat(badAddress.message())
        .isEqualTo(
            "invalid argument 0 (address): an address \"0X"
                + address
                + "\" has an upper-case 0X prefix; want 0x");
    assertThat(badBlock.code()).isEqualTo(INVALID_PARAMS);
    assertThat(badBlock.message()).contains("\"0X1\" has an upper-case 0X prefix; want 0x");
  }

  @Test
  void fiveMegabyteRequestGetsAnErrorNotAHang() {
    String fiveMegabytesOfHex = "0x" + "ab".repeat(5 * 1024 * 1024 / 2);
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"to\":\""
            + Permissions.ADDRESS
            + "\",\"data\":\""
            + fiveMegabytesOfHex
            + "\"},\"latest\"]}";

    // JsonRpc.post gives up after its request timeout, so a hang fails here
    HttpReply reply = rpc.post(body);

    assertThat(reply.status()).as("HTTP status").isEqualTo(413);
    RpcError error = reply.reply().error();
    assertThat(error.code()).isEqualTo(INVALID_REQUEST);
    assertThat(error.message()).contains("exceeds");
  }

  @Test
  void unparseableJsonIsParseErrorWithNullId() {
    HttpReply reply = rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"");

    RpcReply answer = reply.reply();
    assertThat(answer.error().code()).isEqualTo(PARSE_ERROR);
    assertThat(answer.id().isNull()).as("id of a request that could not be read").isTrue();
  }

  @Test
  void requestWithoutAMethodIsInvalidRequest() {
    RpcError error = rpc.post("{\"jsonrpc\":\"2.0\",\"id\":7}").reply().error();

    assertThat(error.code()).isEqualTo(INVALID_REQUEST);
  }

  @Test
  void batchMixingGoodAndBadRequestsIsAnsweredElementByElement() {
    List<JsonNode> requests =
        List.of(
            withId(rpc.request("eth_blockNumber"), 1),
            withId(rpc.request("eth_noSuchMethod"), 2),
            withId(rpc.request("eth_getBlockByNumber", "not-a-block", false), 3),
            withId(rpc.request("eth_chainId"), 4),
            new com.fasterxml.jackson.databind.node.IntNode(42));

    JsonNode answers = rpc.batch(requests);

    assertThat(answers.isArray()).as("a batch is answered with an array: %s", answers).isTrue();
    assertThat(answers).hasSize(requests.size());
    Map<String, RpcReply> byId = new HashMap<>();
    answers.forEach(answer -> byId.put(answer.path("id").toString(), new RpcReply(answer)));
    assertThat(byId).containsOnlyKeys("1", "2", "3", "4", "null");
    assertThat(JsonRpc.quantity(byId.get("1").result())).isPositive();
    assertThat(byId.get("2").error().code()).isEqualTo(METHOD_NOT_FOUND);
    assertThat(byId.get("3").error().code()).isEqualTo(INVALID_PARAMS);
    assertThat(byId.get("4").result().textValue()).isEqualTo("0x539");
    assertThat(byId.get("null").error().code()).isEqualTo(INVALID_REQUEST);
  }

  @Test
  void emptyBatchIsInvalidRequest() {
    RpcError error = rpc.post("[]").reply().error();

    assertThat(error.code()).isEqualTo(INVALID_REQUEST);
  }

  private static JsonNode withId(com.fasterxml.jackson.databind.node.ObjectNode request, int id) {
    return request.put("id", id);
  }

  private static String transfer(Credentials from, long chainId, long nonce) {
    return SignedTransactions.eip1559(
        from, chainId, nonce, TRANSFER_GAS, Devnet.account(8).getAddress(), BigInteger.ZERO, "0x");
  }

  private JsonNode awaitReceipt(String txHash) {
    return Await.until(
        "the receipt of " + txHash,
        Duration.ofSeconds(30),
        () -> {
          JsonNode receipt = rpc.result("eth_getTransactionReceipt", txHash);
          return receipt.isNull() ? java.util.Optional.empty() : java.util.Optional.of(receipt);
        });
  }
}

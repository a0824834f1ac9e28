package org.ailedger.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reactivex.disposables.Disposable;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.Permissions;
import org.ailedger.tests.dsl.SignedTransactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.LogNotification;

/**
 * A client application's path through the node with web3j: sign an EIP-1559 transaction, send it,
 * wait for its receipt, read its event by filter and by subscription, and read the state it
 * changed.
 */
class Web3jEndToEndIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("web3j");

  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);
  private static final String CONTRIBUTOR = Permissions.role("CONTRIBUTOR");
  private static final String AUDITOR = Permissions.role("AUDITOR");
  private static final String ERROR_STRING_SELECTOR = "0x08c379a0";

  private static Web3j web3j;
  private static WebSocketService webSocket;

  @BeforeAll
  static void connect() throws IOException {
    web3j = Web3j.build(new HttpService(NODE.node().httpUrl().toString()));
    webSocket = new WebSocketService(NODE.node().wsUrl().toString(), false);
    webSocket.connect();
  }

  @AfterAll
  static void disconnect() {
    if (webSocket != null) {
      webSocket.close();
    }
    if (web3j != null) {
      web3j.shutdown();
    }
  }

  @Test
  void renouncingARoleIsMinedAndItsLogReachesReceiptFilterAndSubscription() throws Exception {
    Credentials contributor = Devnet.account(2);
    assertThat(hasRole(CONTRIBUTOR, contributor.getAddress())).isTrue();

    BlockingQueue<Log> subscribed = new LinkedBlockingQueue<>();
    BlockingQueue<Throwable> subscriptionErrors = new LinkedBlockingQueue<>();
    int subscriptionsBefore = webSocket.getSubscriptionIdsMap().size();
    Disposable subscription =
        Web3j.build(webSocket)
            .logsNotifications(
                List.of(Permissions.ADDRESS), List.of(Permissions.ROLE_REVOKED_TOPIC))
            .subscribe(
                (LogNotification n) -> subscribed.add(asLog(n.getParams().getResult())),
                subscriptionErrors::add);
    try {
      // the subscription only counts once the node has answered eth_subscribe with its id
      Await.untilTrue(
          "the node to confirm eth_subscribe(logs)",
          Duration.ofSeconds(10),
          () -> webSocket.getSubscriptionIdsMap().size() > subscriptionsBefore);

      String signed =
          SignedTransactions.eip1559(
              contributor,
              Devnet.CHAIN_ID,
              pendingNonce(contributor),
              estimateGas(contributor, Permissions.renounceRole(CONTRIBUTOR)),
              Permissions.ADDRESS,
              BigInteger.ZERO,
              Permissions.renounceRole(CONTRIBUTOR));
      String txHash = send(signed);
      assertThat(txHash)
          .as("the hash the node returns is keccak256 of the envelope")
          .isEqualToIgnoringCase(Hash.sha3(signed));

      TransactionReceipt receipt = awaitReceipt(txHash);
      assertThat(receipt.getStatus()).isEqualTo("0x1");
      assertThat(receipt.getFrom()).isEqualToIgnoringCase(contributor.getAddress());
      assertThat(receipt.getTo()).isEqualToIgnoringCase(Permissions.ADDRESS);
      assertThat(receipt.getLogs()).hasSize(1);
      Log log = receipt.getLogs().getFirst();
      assertIsRoleRevoked(log, CONTRIBUTOR, contributor.getAddress());
      assertThat(log.getTransactionHash()).isEqualToIgnoringCase(txHash);
      assertThat(log.getBlockHash()).isEqualToIgnoringCase(receipt.getBlockHash());
      assertThat(log.getBlockNumber()).isEqualTo(receipt.getBlockNumber());

      EthFilter filter =
          new EthFilter(
                  DefaultBlockParameter.valueOf(BigInteger.ZERO),
                  DefaultBlockParameterName.LATEST,
                  Permissions.ADDRESS)
              .addSingleTopic(Permissions.ROLE_REVOKED_TOPIC)
              .addSingleTopic(CONTRIBUTOR)
              .addSingleTopic(Permissions.topic(contributor.getAddress()));
      EthLog filtered = successful(web3j.ethGetLogs(filter).send());
      assertThat(filtered.getLogs()).hasSize(1);
      Log fromFilter = (Log) filtered.getLogs().getFirst().get();
      assertSameLog(fromFilter, log);

      Log pushed =
          Await.until(
              "the RoleRevoked log on the eth_subscribe(logs) stream",
              Duration.ofSeconds(15),
              () -> {
                assertThat(subscriptionErrors).isEmpty();
                return subscribed.stream()
                    .filter(l -> txHash.equalsIgnoreCase(l.getTransactionHash()))
                    .findFirst();
              });
      assertSameLog(pushed, log);

      assertThat(hasRole(CONTRIBUTOR, contributor.getAddress())).isFalse();
      assertThat(isAccountAllowed(contributor.getAddress()))
          .as("renouncing a role keeps the account on the allowlist")
          .isTrue();
    } finally {
      subscription.dispose();
    }
  }

  @Test
  void renouncingARoleTheSenderLacksRevertsWithItsReasonInCallEstimateAndReceipt()
      throws Exception {
    Credentials contributor = Devnet.account(3);
    assertThat(hasRole(AUDITOR, contributor.getAddress())).isFalse();
    String data = Permissions.renounceRole(AUDITOR);
    Transaction call =
        Transaction.createEthCallTransaction(contributor.getAddress(), Permissions.ADDRESS, data);

    EthCall callResult = web3j.ethCall(call, DefaultBlockParameterName.LATEST).send();
    String reason = assertExecutionReverted(callResult.getError(), "eth_call");

    EthEstimateGas estimate = web3j.ethEstimateGas(call).send();
    assertThat(assertExecutionReverted(estimate.getError(), "eth_estimateGas"))
        .as("eth_estimateGas gives the same reason as eth_call")
        .isEqualTo(reason);

    String signed =
        SignedTransactions.eip1559(
            contributor,
            Devnet.CHAIN_ID,
            pendingNonce(contributor),
            200_000,
            Permissions.ADDRESS,
            BigInteger.ZERO,
            data);
    TransactionReceipt receipt = awaitReceipt(send(signed));
    assertThat(receipt.getStatus())
        .as("a reverted transaction is mined with status 0")
        .isEqualTo("0x0");
    assertThat(receipt.getLogs()).as("a reverted transaction emits no logs").isEmpty();
    assertThat(hasRole(CONTRIBUTOR, contributor.getAddress()))
        .as("the revert changed no roles")
        .isTrue();
  }

  /** Checks a code-3 revert error and returns its reason. */
  private static String assertExecutionReverted(Response.Error error, String method) {
    assertThat(error).as(method + " of a reverting call answers an error").isNotNull();
    assertThat(error.getCode()).as(method + " error code").isEqualTo(3);
    assertThat(error.getMessage()).as(method + " error message").startsWith("execution reverted: ");
    String reason = error.getMessage().substring("execution reverted: ".length());
    assertThat(reason).as("the revert reason a person reads").isNotBlank();
    String data = jsonText(error.getData());
    assertThat(data)
        .as(method + " error data is the ABI-encoded Error(string)")
        .startsWith(ERROR_STRING_SELECTOR);
    assertThat(decodeErrorString(data)).isEqualTo(reason);
    return reason;
  }

  /** web3j hands over {@code error.data} as raw JSON text, so a hex string keeps its quotes. */
  private static String jsonText(String rawJson) {
    assertThat(rawJson).as("error data").isNotNull();
    try {
      return new ObjectMapper().readTree(rawJson).asText();
    } catch (JsonProcessingException e) {
      throw new AssertionError("error data is not JSON: " + rawJson, e);
    }
  }

  /** The message of ABI-encoded {@code Error(string)} revert data. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static String decodeErrorString(String revertData) {
    List<TypeReference<Type>> outputs = List.of((TypeReference) new TypeReference<Utf8String>() {});
    List<Type> decoded =
        FunctionReturnDecoder.decode(
            "0x" + revertData.substring(ERROR_STRING_SELECTOR.length()), outputs);
    assertThat(decoded).as("Error(string) data %s", revertData).hasSize(1);
    return (String) decoded.getFirst().getValue();
  }

  /** A pushed log in the shape web3j gives polled logs, so the two compare field by field. */
  private static Log asLog(org.web3j.protocol.websocket.events.Log pushed) {
    return new Log(
        false,
        pushed.getLogIndex(),
        pushed.getTransactionIndex(),
        pushed.getTransactionHash(),
        pushed.getBlockHash(),
        pushed.getBlockNumber(),
        pushed.getAddress(),
        pushed.getData(),
        null,
        pushed.getTopics());
  }

  private static void assertIsRoleRevoked(Log log, String role, String account) {
    assertThat(log.getAddress()).isEqualToIgnoringCase(Permissions.ADDRESS);
    assertThat(log.getTopics())
        .map(String::toLowerCase)
        .containsExactly(
            Permissions.ROLE_REVOKED_TOPIC.toLowerCase(),
            role.toLowerCase(),
            Permissions.topic(account).toLowerCase());
    assertThat(log.isRemoved()).isFalse();
  }

  private static void assertSameLog(Log actual, Log expected) {
    assertThat(actual.getAddress()).isEqualToIgnoringCase(expected.getAddress());
    assertThat(actual.getTopics()).isEqualTo(expected.getTopics());
    assertThat(actual.getData()).isEqualTo(expected.getData());
    assertThat(actual.getTransactionHash()).isEqualTo(expected.getTransactionHash());
    assertThat(actual.getTransactionIndex()).isEqualTo(expected.getTransactionIndex());
    assertThat(actual.getBlockHash()).isEqualTo(expected.getBlockHash());
    assertThat(actual.getBlockNumber()).isEqualTo(expected.getBlockNumber());
    assertThat(actual.getLogIndex()).isEqualTo(expected.getLogIndex());
  }

  private static boolean hasRole(String role, String account) throws IOException {
    return Permissions.decodeBool(call(Permissions.hasRole(role, account)));
  }

  private static boolean isAccountAllowed(String account) throws IOException {
    return Permissions.decodeBool(call(Permissions.isAccountAllowed(account)));
  }

  private static String call(String data) throws IOException {
    EthCall result =
        successful(
            web3j
                .ethCall(
                    Transaction.createEthCallTransaction(null, Permissions.ADDRESS, data),
                    DefaultBlockParameterName.LATEST)
                .send());
    return result.getValue();
  }

  private static long pendingNonce(Credentials account) throws IOException {
    return successful(
            web3j
                .ethGetTransactionCount(account.getAddress(), DefaultBlockParameterName.PENDING)
                .send())
        .getTransactionCount()
        .longValueExact();
  }

  private static long estimateGas(Credentials from, String data) throws IOException {
    return successful(
            web3j
                .ethEstimateGas(
                    Transaction.createEthCallTransaction(
                        from.getAddress(), Permissions.ADDRESS, data))
                .send())
        .getAmountUsed()
        .longValueExact();
  }

  private static String send(String signed) throws IOException {
    EthSendTransaction sent = successful(web3j.ethSendRawTransaction(signed).send());
    return sent.getTransactionHash();
  }

  private static TransactionReceipt awaitReceipt(String txHash) {
    return Await.until(
        "the receipt of " + txHash,
        RECEIPT_TIMEOUT,
        () -> {
          try {
            return successful(web3j.ethGetTransactionReceipt(txHash).send())
                .getTransactionReceipt();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static <T extends Response<?>> T successful(T response) {
    if (response.hasError()) {
      throw new AssertionError(
          "node answered error "
              + response.getError().getCode()
              + ": "
              + response.getError().getMessage());
    }
    return response;
  }
}

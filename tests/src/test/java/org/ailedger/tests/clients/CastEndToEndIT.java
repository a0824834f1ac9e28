package org.ailedger.tests.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.tests.dsl.Cast;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.Permissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * Foundry's cast against the node: each command a developer types must work with zero gas price and
 * agree with what web3j reads for the same thing.
 */
class CastEndToEndIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("cast");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTRIBUTOR = Permissions.role("CONTRIBUTOR");
  private static final String MODEL_OWNER = Permissions.role("MODEL_OWNER");

  private static Cast cast;
  private static Web3j web3j;
  private static String rpcUrl;

  @BeforeAll
  static void connect() {
    cast = Cast.installed();
    rpcUrl = NODE.node().httpUrl().toString();
    web3j = Web3j.build(new HttpService(rpcUrl));
  }

  @AfterAll
  static void disconnect() {
    if (web3j != null) {
      web3j.shutdown();
    }
  }

  @Test
  void chainIdAndBlockNumberAgreeWithWeb3j() throws IOException {
    assertThat(cast.run("chain-id", "--rpc-url", rpcUrl))
        .isEqualTo(web3j.ethChainId().send().getChainId().toString())
        .isEqualTo(Long.toString(Devnet.CHAIN_ID));

    long before = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    long fromCast = Long.parseLong(cast.run("block-number", "--rpc-url", rpcUrl));
    long after = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    assertThat(fromCast).isBetween(before, after);
  }

  @Test
  void castSendRenouncesARoleWithZeroFeesAndItsReceiptAgreesWithWeb3j() throws IOException {
    String sender = Devnet.account(2).getAddress();
    JsonNode sent =
        castJson(
            "send",
            "--rpc-url",
            rpcUrl,
            "--private-key",
            Devnet.privateKeyHex(2),
            "--gas-price",
            "0",
            "--priority-gas-price",
            "0",
            "--json",
            Permissions.ADDRESS,
            "renounceRole(bytes32)",
            CONTRIBUTOR);
    assertThat(sent.path("status").asText()).isEqualTo("0x1");
    assertThat(sent.path("type").asText()).as("cast sends EIP-1559 by default").isEqualTo("0x2");
    String txHash = sent.path("transactionHash").asText();

    TransactionReceipt web3jReceipt =
        web3j.ethGetTransactionReceipt(txHash).send().getTransactionReceipt().orElseThrow();
    assertSameReceipt(sent, web3jReceipt);
    assertThat(web3jReceipt.getFrom()).isEqualToIgnoringCase(sender);

    JsonNode castReceipt = castJson("receipt", "--rpc-url", rpcUrl, "--json", txHash);
    assertSameReceipt(castReceipt, web3jReceipt);

    assertThat(
            cast.run(
                "call",
                "--rpc-url",
                rpcUrl,
                Permissions.ADDRESS,
                "hasRole(bytes32,address)(bool)",
                CONTRIBUTOR,
                sender))
        .isEqualTo("false")
        .isEqualTo(Boolean.toString(web3jCallBool(Permissions.hasRole(CONTRIBUTOR, sender))));
  }

  @Test
  void castSendsALegacyTransactionWithZeroGasPrice() throws IOException {
    JsonNode sent =
        castJson(
            "send",
            "--rpc-url",
            rpcUrl,
            "--private-key",
            Devnet.privateKeyHex(4),
            "--legacy",
            "--gas-price",
            "0",
            "--json",
            Permissions.ADDRESS,
            "renounceRole(bytes32)",
            CONTRIBUTOR);
    assertThat(sent.path("status").asText()).isEqualTo("0x1");
    assertThat(sent.path("type").asText()).isEqualTo("0x0");
    TransactionReceipt web3jReceipt =
        web3j
            .ethGetTransactionReceipt(sent.path("transactionHash").asText())
            .send()
            .getTransactionReceipt()
            .orElseThrow();
    assertSameReceipt(sent, web3jReceipt);
  }

  @Test
  void castCallReadsTheSameAllowlistAndRolesAsWeb3j() throws Exception {
    String owner = Devnet.account(0).getAddress();
    String stranger = "0x" + Keys.getAddress(Keys.createEcKeyPair().getPublicKey());

    assertThat(castCall("isAccountAllowed(address)(bool)", owner))
        .isEqualTo("true")
        .isEqualTo(Boolean.toString(web3jCallBool(Permissions.isAccountAllowed(owner))));
    assertThat(castCall("isAccountAllowed(address)(bool)", stranger))
        .isEqualTo("false")
        .isEqualTo(Boolean.toString(web3jCallBool(Permissions.isAccountAllowed(stranger))));
    assertThat(castCall("hasRole(bytes32,address)(bool)", MODEL_OWNER, owner))
        .isEqualTo("true")
        .isEqualTo(Boolean.toString(web3jCallBool(Permissions.hasRole(MODEL_OWNER, owner))));
  }

  @Test
  void castLogsFindsTheSameRoleRevokedLogsAsWeb3j() throws IOException {
    JsonNode sent =
        castJson(
            "send",
            "--rpc-url",
            rpcUrl,
            "--private-key",
            Devnet.privateKeyHex(3),
            "--gas-price",
            "0",
            "--priority-gas-price",
            "0",
            "--json",
            Permissions.ADDRESS,
            "renounceRole(bytes32)",
            CONTRIBUTOR);
    String txHash = sent.path("transactionHash").asText();
    String toBlock = Long.toString(Long.decode(sent.path("blockNumber").asText()));

    JsonNode castLogs =
        castJson(
            "logs",
            "--rpc-url",
            rpcUrl,
            "--json",
            "--from-block",
            "0",
            "--to-block",
            toBlock,
            "--address",
            Permissions.ADDRESS,
            Permissions.ROLE_REVOKED_SIGNATURE);
    EthLog web3jLogs =
        web3j
            .ethGetLogs(
                new EthFilter(
                        DefaultBlockParameter.valueOf(BigInteger.ZERO),
                        DefaultBlockParameter.valueOf(new BigInteger(toBlock)),
                        Permissions.ADDRESS)
                    .addSingleTopic(Permissions.ROLE_REVOKED_TOPIC))
            .send();
    assertThat(web3jLogs.hasError()).as("eth_getLogs error: %s", web3jLogs.getError()).isFalse();

    List<String> fromCast = new ArrayList<>();
    castLogs.forEach(log -> fromCast.add(logIdentity(log)));
    List<String> fromWeb3j =
        web3jLogs.getLogs().stream().map(result -> logIdentity((Log) result.get())).toList();
    assertThat(fromCast).isEqualTo(fromWeb3j);
    assertThat(castLogs.findValuesAsText("transactionHash")).contains(txHash);
  }

  private static void assertSameReceipt(JsonNode fromCast, TransactionReceipt fromWeb3j) {
    assertThat(fromCast.path("transactionHash").asText()).isEqualTo(fromWeb3j.getTransactionHash());
    assertThat(fromCast.path("blockHash").asText()).isEqualTo(fromWeb3j.getBlockHash());
    assertThat(Long.decode(fromCast.path("blockNumber").asText()))
        .isEqualTo(fromWeb3j.getBlockNumber().longValueExact());
    assertThat(fromCast.path("status").asText()).isEqualTo(fromWeb3j.getStatus());
    assertThat(Long.decode(fromCast.path("gasUsed").asText()))
        .isEqualTo(fromWeb3j.getGasUsed().longValueExact());
    List<String> castLogs = new ArrayList<>();
    fromCast.path("logs").forEach(log -> castLogs.add(logIdentity(log)));
    assertThat(castLogs)
        .isEqualTo(fromWeb3j.getLogs().stream().map(CastEndToEndIT::logIdentity).toList());
  }

  /** What makes two reports of a log the same log: where it is and what it says. */
  private static String logIdentity(JsonNode log) {
    List<String> topics = new ArrayList<>();
    log.path("topics").forEach(topic -> topics.add(topic.asText().toLowerCase()));
    return String.join(
        " ",
        log.path("address").asText().toLowerCase(),
        String.join(",", topics),
        log.path("data").asText(),
        log.path("blockHash").asText(),
        Long.toString(Long.decode(log.path("logIndex").asText())),
        log.path("transactionHash").asText());
  }

  private static String logIdentity(Log log) {
    return String.join(
        " ",
        log.getAddress().toLowerCase(),
        String.join(",", log.getTopics().stream().map(String::toLowerCase).toList()),
        log.getData(),
        log.getBlockHash(),
        log.getLogIndex().toString(),
        log.getTransactionHash());
  }

  private static String castCall(String signature, String... args) {
    List<String> command =
        new ArrayList<>(List.of("call", "--rpc-url", rpcUrl, Permissions.ADDRESS, signature));
    command.addAll(List.of(args));
    return cast.run(command.toArray(String[]::new));
  }

  private static boolean web3jCallBool(String data) throws IOException {
    var result =
        web3j
            .ethCall(
                Transaction.createEthCallTransaction(null, Permissions.ADDRESS, data),
                DefaultBlockParameterName.LATEST)
            .send();
    assertThat(result.hasError()).as("eth_call error: %s", result.getError()).isFalse();
    return Permissions.decodeBool(result.getValue());
  }

  private static JsonNode castJson(String... args) throws IOException {
    return JSON.readTree(cast.run(args));
  }
}

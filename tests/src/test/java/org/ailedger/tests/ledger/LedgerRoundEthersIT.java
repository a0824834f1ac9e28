package org.ailedger.tests.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.JsonRpc;
import org.ailedger.tests.dsl.Ledger;
import org.ailedger.tests.dsl.NodeScript;
import org.ailedger.tests.dsl.ProRata;
import org.ailedger.tests.dsl.RpcError;
import org.ailedger.tests.dsl.RpcReply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.utils.Numeric;

/**
 * The same full round as {@link LedgerRoundCastIT}, played by a small Node.js program on ethers v6
 * ({@code tests/scripts/ledger-round.mjs}): JsonRpcProvider, Wallets with the dev keys, Contracts
 * built from the chaincode ABI JSON. The script prints what ethers saw; the tests check it and
 * cross-check a few values over raw JSON-RPC.
 */
class LedgerRoundEthersIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("ledger-ethers");

  private static final String LABEL = "ledger-round-ethers";
  private static final String MODEL_ID = Ledger.id(LABEL + "/model");

  /** Seven base units above 500 ACT: the split 7:5 leaves a remainder of 1. */
  private static final BigInteger REWARD_POOL =
      BigInteger.valueOf(500).multiply(BigInteger.TEN.pow(18)).add(BigInteger.valueOf(7));

  private static final ProRata SPLIT =
      new ProRata(REWARD_POOL, List.of(BigInteger.valueOf(7), BigInteger.valueOf(5)));
  private static final int LATE_CONTRIBUTOR = Devnet.FIRST_LOAD_ACCOUNT;
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(150);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ABI_DIR_PROPERTY = "ailedger.abi.dir";

  private static JsonRpc rpc;
  private static JsonNode summary;

  /** The three contributors as the script printed them (checksummed), in submission order. */
  private static final List<String> contributors = new ArrayList<>();

  @BeforeAll
  static void playRoundWithEthers() throws JsonProcessingException {
    NodeScript script = NodeScript.named("ledger-round.mjs", "ethers");
    rpc = NODE.node().rpc();
    NodeScript.Result result =
        script.run(
            Map.of("LEDGER_KEYS", devKeys()),
            SCRIPT_TIMEOUT,
            "--rpc-url",
            NODE.node().httpUrl().toString(),
            "--abi-dir",
            abiDir().toString(),
            "--label",
            LABEL,
            "--reward-pool",
            REWARD_POOL.toString(),
            "--weights",
            SPLIT.weights().get(0) + "," + SPLIT.weights().get(1));
    summary = JSON.readTree(result.output());
    summary.path("contributors").forEach(c -> contributors.add(c.asText()));
  }

  @Test
  void theScriptPlayedOnTheDevnetWithTheIdsAndAccountsTheTestExpects() {
    assertThat(summary.path("chainId").asText()).isEqualTo(Long.toString(Devnet.CHAIN_ID));
    assertThat(summary.path("modelId").asText()).isEqualTo(MODEL_ID);
    assertThat(summary.path("datasets").path("derived").asText())
        .isEqualTo(Ledger.id(LABEL + "/derived"));
    assertThat(contributors).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(contributors.get(i)).isEqualToIgnoringCase(Devnet.account(2 + i).getAddress());
    }
    assertThat(summary.path("derivedTainted").asBoolean())
        .as("isTainted(derived) after its parent was revoked")
        .isTrue();
  }

  @Test
  void acceptedContributorsHoldExactlyTheirProRataShareOfThePool() {
    List<BigInteger> rewards = SPLIT.rewards();
    for (int i = 0; i < 3; i++) {
      String contributor = contributors.get(i);
      BigInteger before = number(summary.path("balancesBefore").path(contributor));
      BigInteger expected = i < 2 ? before.add(rewards.get(i)) : before;
      assertThat(number(summary.path("balances").path(contributor)))
          .as("ACT balance ethers read for %s", contributor)
          .isEqualTo(expected);
      assertThat(
              rawCall(
                  Ledger.CONTRIBUTION_TOKEN,
                  new Function(
                      "balanceOf",
                      List.<Type>of(new Address(contributor)),
                      List.of(new TypeReference<Uint256>() {}))))
          .as("balanceOf %s over raw eth_call", contributor)
          .isEqualTo(expected);
    }
    assertThat(number(summary.path("totalSupply")))
        .isEqualTo(number(summary.path("totalSupplyBefore")).add(SPLIT.minted()));
    assertThat(number(summary.path("round").path("minted"))).isEqualTo(SPLIT.minted());
  }

  @Test
  void reputationRoseForAcceptedAndFellForTheRejectedSubmitter() {
    // a fresh devnet: nobody had a reputation before this round
    List<BigInteger> expected = List.of(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE.negate());
    for (int i = 0; i < 3; i++) {
      String contributor = contributors.get(i);
      assertThat(number(summary.path("reputations").path(contributor)))
          .as("reputation ethers read for %s", contributor)
          .isEqualTo(expected.get(i));
    }
    String rejected = contributors.get(2);
    assertThat(
            rawCall(
                Ledger.MODEL_REGISTRY,
                new Function(
                    "reputation",
                    List.<Type>of(new Address(rejected)),
                    List.of(new TypeReference<Int256>() {}))))
        .as("reputation(%s) over raw eth_call", rejected)
        .isEqualTo(BigInteger.ONE.negate());
  }

  @Test
  void viewsReportTheFinalizedRoundAndEachUpdatesOutcome() {
    JsonNode round = summary.path("round");
    assertThat(round.path("status").asInt()).isEqualTo(Ledger.ROUND_FINALIZED);
    assertThat(round.path("submissions").asText()).isEqualTo("3");
    assertThat(round.path("accepted").asText()).isEqualTo("2");
    assertThat(number(round.path("rewardPool"))).isEqualTo(REWARD_POOL);
    for (int i = 0; i < 3; i++) {
      JsonNode update = summary.path("updates").path(contributors.get(i));
      assertThat(update.path("status").asInt())
          .as("status of %s's update", contributors.get(i))
          .isEqualTo(i < 2 ? Ledger.UPDATE_ACCEPTED : Ledger.UPDATE_REJECTED);
      assertThat(update.path("updateHash").asText())
          .as("the reverted second submission must not replace the first update")
          .isEqualTo(Ledger.id(LABEL + " update " + i));
      assertThat(number(update.path("reward")))
          .isEqualTo(i < 2 ? SPLIT.rewards().get(i) : BigInteger.ZERO);
    }
  }

  @Test
  void parsedEventsTellTheWholeRoundInOrder() {
    List<String> names = new ArrayList<>();
    summary.path("events").forEach(e -> names.add(e.path("name").asText()));
    assertThat(names.subList(0, 8))
        .as("ModelRegistry logs parsed by ethers before finalization")
        .containsExactly(
            "ModelRegistered",
            "RoundOpened",
            "UpdateSubmitted",
            "UpdateDatasets",
            "UpdateSubmitted",
            "UpdateDatasets",
            "UpdateSubmitted",
            "UpdateDatasets");
    assertThat(names.subList(8, names.size()))
        .as("ModelRegistry logs of finalizeRound")
        .containsExactlyInAnyOrder(
            "RoundFinalized",
            "ContributionRewarded",
            "ContributionRewarded",
            "ReputationChanged",
            "ReputationChanged",
            "ReputationChanged");

    List<JsonNode> submitted = events("UpdateSubmitted");
    String roundTopic = Ledger.topic(1);
    for (int i = 0; i < 3; i++) {
      JsonNode event = submitted.get(i);
      String contributor = event.path("args").path("contributor").asText();
      assertThat(event.path("args").path("modelId").asText()).isEqualTo(MODEL_ID);
      assertThat(event.path("args").path("round").asText()).isEqualTo("1");
      assertThat(event.path("args").path("updateHash").asText())
          .isEqualTo(Ledger.id(LABEL + " update " + contributors.indexOf(contributor)));
      assertThat(texts(event.path("topics")))
          .containsExactly(
              Ledger.UPDATE_SUBMITTED_TOPIC, MODEL_ID, roundTopic, Ledger.topic(contributor));
    }
    assertThat(submitted)
        .extracting(e -> e.path("args").path("contributor").asText())
        .containsExactlyInAnyOrderElementsOf(contributors);

    JsonNode finalized = events("RoundFinalized").getFirst().path("args");
    assertThat(finalized.path("aggregateHash").asText()).isEqualTo(Ledger.id(LABEL + " aggregate"));
    assertThat(finalized.path("acceptedCount").asText()).isEqualTo("2");

    List<String> rewarded = new ArrayList<>();
    events("ContributionRewarded")
        .forEach(
            e ->
                rewarded.add(
                    e.path("args").path("contributor").asText()
                        + " "
                        + e.path("args").path("weight").asText()
                        + " "
                        + e.path("args").path("reward").asText()));
    assertThat(rewarded)
        .containsExactly(
            contributors.get(0) + " 7 " + SPLIT.rewards().get(0),
            contributors.get(1) + " 5 " + SPLIT.rewards().get(1));

    List<String> reputation = new ArrayList<>();
    events("ReputationChanged")
        .forEach(
            e ->
                reputation.add(
                    e.path("args").path("contributor").asText()
                        + " "
                        + e.path("args").path("delta").asText()
                        + " "
                        + e.path("args").path("reputation").asText()));
    assertThat(reputation)
        .containsExactlyInAnyOrder(
            contributors.get(0) + " 1 1",
            contributors.get(1) + " 1 1",
            contributors.get(2) + " -1 -1");
  }

  @Test
  void rawGetLogsAndReceiptAgreeWithWhatEthersParsed() {
    long from = summary.path("firstBlock").asLong();
    long to = summary.path("finalizeBlock").asLong();
    JsonNode logs =
        rpc.result(
            "eth_getLogs",
            Map.of(
                "fromBlock",
                JsonRpc.quantity(from),
                "toBlock",
                JsonRpc.quantity(to),
                "address",
                Ledger.MODEL_REGISTRY,
                "topics",
                List.of(Ledger.UPDATE_SUBMITTED_TOPIC, MODEL_ID)));
    List<String> fromRpc = new ArrayList<>();
    logs.forEach(log -> fromRpc.add(log.path("transactionHash").asText()));
    List<String> fromEthers = new ArrayList<>();
    events("UpdateSubmitted").forEach(e -> fromEthers.add(e.path("transactionHash").asText()));
    assertThat(fromRpc).hasSize(3).isEqualTo(fromEthers);

    String finalizeTx = summary.path("transactions").path("finalize").asText();
    JsonNode receipt = rpc.result("eth_getTransactionReceipt", finalizeTx);
    assertThat(receipt.path("status").asText()).isEqualTo("0x1");
    assertThat(JsonRpc.quantity(receipt.path("blockNumber")).longValueExact()).isEqualTo(to);
    int tokenLogs = 0;
    for (JsonNode log : receipt.path("logs")) {
      if (log.path("address").asText().equalsIgnoreCase(Ledger.CONTRIBUTION_TOKEN)) {
        tokenLogs++;
      }
    }
    assertThat(tokenLogs).as("one Transfer per minted reward").isEqualTo(2);
  }

  @Test
  void mintsAreTransfersFromTheZeroAddressOfEachReward() {
    List<String> mints = new ArrayList<>();
    summary
        .path("mints")
        .forEach(
            m ->
                mints.add(
                    m.path("name").asText()
                        + " "
                        + m.path("args").path("from").asText()
                        + " "
                        + m.path("args").path("to").asText()
                        + " "
                        + m.path("args").path("value").asText()));
    assertThat(mints)
        .containsExactly(
            "Transfer "
                + Ledger.ZERO_ADDRESS
                + " "
                + contributors.get(0)
                + " "
                + SPLIT.rewards().get(0),
            "Transfer "
                + Ledger.ZERO_ADDRESS
                + " "
                + contributors.get(1)
                + " "
                + SPLIT.rewards().get(1));
  }

  @Test
  void ethersReportsTheTaintSourceWhenAnUpdateCitesATaintedDataset() {
    assertEthersRevert(
        "tainted",
        "dataset "
            + Ledger.id(LABEL + "/derived")
            + " is tainted (revoked ancestor "
            + Ledger.id(LABEL + "/raw")
            + ")");
  }

  @Test
  void ethersReportsWhyASecondSubmissionBySameContributorFails() {
    assertEthersRevert(
        "duplicate",
        "contributor "
            + contributors.getFirst().toLowerCase()
            + " already submitted an update to round 1 of model "
            + MODEL_ID);
  }

  @Test
  void ethersReportsThatTheRoundIsClosedAfterFinalize() {
    String reason = "round 1 of model " + MODEL_ID + " is closed";
    assertEthersRevert("afterFinalize", reason);

    // the same call over raw JSON-RPC: geth's error shape that ethers decoded
    String data =
        FunctionEncoder.encode(
            new Function(
                "submitUpdate",
                List.<Type>of(
                    bytes32(MODEL_ID),
                    new Uint64(BigInteger.ONE),
                    bytes32(Ledger.id(LABEL + " raw json-rpc update")),
                    new DynamicArray<>(
                        Bytes32.class,
                        bytes32(summary.path("datasets").path("dataset-0").asText())),
                    new Uint64(BigInteger.ONE),
                    bytes32(Ledger.id(LABEL + " raw json-rpc metrics"))),
                List.of()));
    RpcReply reply =
        rpc.call(
            "eth_call",
            Map.of(
                "from",
                Devnet.account(LATE_CONTRIBUTOR).getAddress(),
                "to",
                Ledger.MODEL_REGISTRY,
                "data",
                data),
            "latest");
    RpcError error = reply.error();
    assertThat(error.code()).isEqualTo(3);
    assertThat(error.message()).isEqualTo("execution reverted: " + reason);
    assertThat(Ledger.errorReason(error.data().asText())).isEqualTo(reason);
  }

  private static void assertEthersRevert(String step, String reason) {
    JsonNode attempt = summary.path("reverts").path(step);
    for (String how : List.of("staticCall", "estimateGas")) {
      JsonNode outcome = attempt.path(how);
      assertThat(outcome.path("reverted").asBoolean())
          .as("%s of step %s must revert: %s", how, step, outcome)
          .isTrue();
      assertThat(outcome.path("code").asText()).as("ethers error.code").isEqualTo("CALL_EXCEPTION");
      assertThat(outcome.path("reason").asText())
          .as("ethers error.reason of %s (%s)", step, how)
          .isEqualTo(reason);
    }
  }

  private static List<JsonNode> events(String name) {
    List<JsonNode> events = new ArrayList<>();
    summary
        .path("events")
        .forEach(
            e -> {
              if (e.path("name").asText().equals(name)) {
                events.add(e);
              }
            });
    return events;
  }

  /** An eth_call of a view returning one number, decoded by web3j. */
  private static BigInteger rawCall(String to, Function function) {
    JsonNode result =
        rpc.result(
            "eth_call", Map.of("to", to, "data", FunctionEncoder.encode(function)), "latest");
    @SuppressWarnings("rawtypes")
    List<Type> decoded =
        FunctionReturnDecoder.decode(result.asText(), function.getOutputParameters());
    assertThat(decoded).as("return value of %s: %s", function.getName(), result).hasSize(1);
    return (BigInteger) decoded.getFirst().getValue();
  }

  /** The keys the script signs with; passed in its environment, never on its command line. */
  private static String devKeys() {
    ObjectNode keys = JSON.createObjectNode();
    keys.put("owner", Devnet.privateKeyHex(0));
    keys.put("aggregator", Devnet.privateKeyHex(1));
    keys.putArray("contributors")
        .add(Devnet.privateKeyHex(2))
        .add(Devnet.privateKeyHex(3))
        .add(Devnet.privateKeyHex(4));
    keys.put("auditor", Devnet.privateKeyHex(5));
    keys.put("lateContributor", Devnet.privateKeyHex(LATE_CONTRIBUTOR));
    return keys.toString();
  }

  private static Path abiDir() {
    String property = System.getProperty(ABI_DIR_PROPERTY);
    if (property == null || property.isBlank()) {
      throw new AssertionError(
          "system property "
              + ABI_DIR_PROPERTY
              + " is not set; run the system tests through Maven");
    }
    Path dir = Path.of(property);
    if (!Files.isRegularFile(dir.resolve("ModelRegistry.json"))) {
      throw new AssertionError(
          "no ABI JSON in "
              + dir
              + "; build the chaincode module first: mvn -B -pl node -am package -DskipTests");
    }
    return dir;
  }

  private static Bytes32 bytes32(String hex) {
    return new Bytes32(Numeric.hexStringToByteArray(hex));
  }

  private static BigInteger number(JsonNode value) {
    if (!value.isTextual() || !value.asText().matches("-?[0-9]+")) {
      throw new AssertionError("expected a decimal number, got " + value);
    }
    return new BigInteger(value.asText());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText().toLowerCase()));
    return texts;
  }
}

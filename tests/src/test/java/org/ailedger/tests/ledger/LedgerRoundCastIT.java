package org.ailedger.tests.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.tests.dsl.Cast;
import org.ailedger.tests.dsl.CastSession;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.JsonRpc;
import org.ailedger.tests.dsl.Ledger;
import org.ailedger.tests.dsl.ProRata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full training round on a started devnet, every step typed as a Foundry {@code cast} command:
 * attest datasets (and revoke one), register a model, open a round, three submissions, finalize.
 * The round runs once before the tests; each test then checks one thing an outside client sees:
 * balances, reputation, views, logs, and the revert reasons of steps that must fail.
 */
class LedgerRoundCastIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("ledger-cast");

  private static final int OWNER = 0;
  private static final int AGGREGATOR = 1;
  private static final List<Integer> CONTRIBUTORS = List.of(2, 3, 4);
  private static final int AUDITOR = 5;

  /** A CONTRIBUTOR that takes no part in the round and only tries to join after it closed. */
  private static final int LATE_CONTRIBUTOR = Devnet.FIRST_LOAD_ACCOUNT;

  private static final String LABEL = "ledger-round-cast";
  private static final String MODEL_ID = Ledger.id(LABEL + "/model");
  private static final String RAW_DATASET = Ledger.id(LABEL + "/raw");
  private static final String DERIVED_DATASET = Ledger.id(LABEL + "/derived");
  private static final String AGGREGATE_HASH = Ledger.id(LABEL + "/aggregate");

  /** One base unit above 100 ACT, so that the split by weights 2:1 leaves a remainder of 1. */
  private static final BigInteger REWARD_POOL = BigInteger.TEN.pow(20).add(BigInteger.ONE);

  private static final ProRata SPLIT =
      new ProRata(REWARD_POOL, List.of(BigInteger.TWO, BigInteger.ONE));

  /** How far ahead the round's deadline lies: every step fits, however slow the machine. */
  private static final long DEADLINE_MARGIN_BLOCKS = 300;

  private static CastSession cast;
  private static JsonRpc rpc;
  private static final List<String> contributors = new ArrayList<>();
  private static final List<String> updateHashes = new ArrayList<>();
  private static final List<String> submitTxs = new ArrayList<>();
  private static final Map<String, BigInteger> balancesBefore = new HashMap<>();
  private static final Map<String, BigInteger> reputationBefore = new HashMap<>();
  private static BigInteger supplyBefore;
  private static long firstBlock;
  private static JsonNode finalizeReceipt;
  private static boolean derivedTaintedBeforeRound;
  private static Cast.Result taintedAttempt;
  private static Cast.Result duplicateAttempt;
  private static Cast.Result afterFinalizeAttempt;
  private static JsonNode afterFinalizeMined;

  @BeforeAll
  static void playRound() {
    cast = new CastSession(Cast.installed(), NODE.node().httpUrl().toString());
    rpc = NODE.node().rpc();
    for (int account : CONTRIBUTORS) {
      String address = Devnet.account(account).getAddress();
      contributors.add(address);
      balancesBefore.put(
          address, number(cast.call(Ledger.CONTRIBUTION_TOKEN, Ledger.BALANCE_OF, address)));
      reputationBefore.put(
          address, number(cast.call(Ledger.MODEL_REGISTRY, Ledger.REPUTATION, address)));
    }
    supplyBefore = number(cast.call(Ledger.CONTRIBUTION_TOKEN, Ledger.TOTAL_SUPPLY));
    firstBlock = cast.blockNumber() + 1;

    // each contributor attests the dataset it trains on, all three in one block
    List<String> attests = new ArrayList<>();
    for (int i = 0; i < CONTRIBUTORS.size(); i++) {
      attests.add(
          cast.sendAsync(
              CONTRIBUTORS.get(i),
              Ledger.DATA_PROVENANCE,
              Ledger.ATTEST,
              dataset(i),
              Ledger.id(LABEL + "/content/" + i),
              "ipfs://" + LABEL + "/" + i,
              "CC-BY-4.0",
              "[]"));
    }
    attests.forEach(tx -> requireSuccess("attest", cast.receipt(tx)));
    // a raw dataset and one derived from it; the auditor revokes the raw one, tainting both
    cast.send(
        CONTRIBUTORS.getFirst(),
        Ledger.DATA_PROVENANCE,
        Ledger.ATTEST,
        RAW_DATASET,
        Ledger.id(LABEL + "/content/raw"),
        "ipfs://" + LABEL + "/raw",
        "CC0-1.0",
        "[]");
    cast.send(
        CONTRIBUTORS.getFirst(),
        Ledger.DATA_PROVENANCE,
        Ledger.ATTEST,
        DERIVED_DATASET,
        Ledger.id(LABEL + "/content/derived"),
        "ipfs://" + LABEL + "/derived",
        "CC0-1.0",
        "[" + RAW_DATASET + "]");
    cast.send(
        AUDITOR,
        Ledger.DATA_PROVENANCE,
        Ledger.REVOKE,
        RAW_DATASET,
        Ledger.id("consent withdrawn"));
    derivedTaintedBeforeRound =
        cast.call(Ledger.DATA_PROVENANCE, Ledger.IS_TAINTED, DERIVED_DATASET).get(0).asBoolean();

    cast.send(
        OWNER,
        Ledger.MODEL_REGISTRY,
        Ledger.REGISTER_MODEL,
        MODEL_ID,
        "ipfs://" + LABEL + "/model",
        Devnet.account(AGGREGATOR).getAddress());
    cast.send(
        AGGREGATOR,
        Ledger.MODEL_REGISTRY,
        Ledger.OPEN_ROUND,
        MODEL_ID,
        "1",
        Ledger.id(LABEL + "/base"),
        REWARD_POOL.toString(),
        Long.toString(cast.blockNumber() + DEADLINE_MARGIN_BLOCKS));

    // the last contributor first cites the tainted dataset; nothing may change
    taintedAttempt = trySubmit(CONTRIBUTORS.getLast(), "tainted", DERIVED_DATASET);

    for (int i = 0; i < CONTRIBUTORS.size(); i++) {
      String updateHash = Ledger.id(LABEL + "/update/" + i);
      updateHashes.add(updateHash);
      submitTxs.add(
          cast.sendAsync(
              CONTRIBUTORS.get(i),
              Ledger.MODEL_REGISTRY,
              Ledger.SUBMIT_UPDATE,
              MODEL_ID,
              "1",
              updateHash,
              "[" + dataset(i) + "]",
              Long.toString(sampleCount(i)),
              Ledger.id(LABEL + "/metrics/" + i)));
    }
    submitTxs.forEach(tx -> requireSuccess("submitUpdate", cast.receipt(tx)));

    duplicateAttempt = trySubmit(CONTRIBUTORS.getFirst(), "second", dataset(0));

    finalizeReceipt =
        cast.send(
            AGGREGATOR,
            Ledger.MODEL_REGISTRY,
            Ledger.FINALIZE_ROUND,
            MODEL_ID,
            "1",
            AGGREGATE_HASH,
            "[" + contributors.get(0) + "," + contributors.get(1) + "]",
            "[" + SPLIT.weights().get(0) + "," + SPLIT.weights().get(1) + "]");

    afterFinalizeAttempt = trySubmit(LATE_CONTRIBUTOR, "late", dataset(0));
    afterFinalizeMined =
        cast.sendMined(
            LATE_CONTRIBUTOR,
            1_000_000,
            Ledger.MODEL_REGISTRY,
            Ledger.SUBMIT_UPDATE,
            MODEL_ID,
            "1",
            Ledger.id(LABEL + "/update/late-mined"),
            "[" + dataset(0) + "]",
            "1",
            Ledger.id(LABEL + "/metrics/late-mined"));
  }

  @Test
  void acceptedContributorsHoldExactlyTheirProRataShareOfThePool() {
    List<BigInteger> rewards = SPLIT.rewards();
    for (int i = 0; i < 2; i++) {
      String contributor = contributors.get(i);
      assertThat(number(cast.call(Ledger.CONTRIBUTION_TOKEN, Ledger.BALANCE_OF, contributor)))
          .as("ACT balance of accepted contributor %s", contributor)
          .isEqualTo(balancesBefore.get(contributor).add(rewards.get(i)));
    }
    String rejected = contributors.get(2);
    assertThat(number(cast.call(Ledger.CONTRIBUTION_TOKEN, Ledger.BALANCE_OF, rejected)))
        .as("ACT balance of rejected contributor %s", rejected)
        .isEqualTo(balancesBefore.get(rejected));
    assertThat(number(cast.call(Ledger.CONTRIBUTION_TOKEN, Ledger.TOTAL_SUPPLY)))
        .as("total supply grows by the minted rewards only, the remainder is not minted")
        .isEqualTo(supplyBefore.add(SPLIT.minted()))
        .isEqualTo(supplyBefore.add(REWARD_POOL).subtract(BigInteger.ONE));
  }

  @Test
  void reputationRoseForAcceptedAndFellForTheRejectedSubmitter() {
    for (int i = 0; i < 3; i++) {
      String contributor = contributors.get(i);
      BigInteger expected =
          reputationBefore.get(contributor).add(BigInteger.valueOf(i < 2 ? 1 : -1));
      assertThat(number(cast.call(Ledger.MODEL_REGISTRY, Ledger.REPUTATION, contributor)))
          .as("reputation of %s", contributor)
          .isEqualTo(expected);
    }
  }

  @Test
  void viewsReportTheFinalizedRoundAndEachUpdatesOutcome() {
    JsonNode round = cast.call(Ledger.MODEL_REGISTRY, Ledger.GET_ROUND, MODEL_ID, "1");
    assertThat(round.get(0).asInt()).as("status").isEqualTo(Ledger.ROUND_FINALIZED);
    assertThat(number(round.get(2))).as("rewardPool").isEqualTo(REWARD_POOL);
    assertThat(round.get(4).asText()).as("aggregateHash").isEqualTo(AGGREGATE_HASH);
    assertThat(round.get(5).asLong()).as("submissions").isEqualTo(3);
    assertThat(round.get(6).asLong()).as("accepted").isEqualTo(2);
    assertThat(number(round.get(7))).as("minted").isEqualTo(SPLIT.minted());

    for (int i = 0; i < 3; i++) {
      JsonNode update =
          cast.call(Ledger.MODEL_REGISTRY, Ledger.GET_UPDATE, MODEL_ID, "1", contributors.get(i));
      assertThat(update.get(0).asInt())
          .as("status of %s's update", contributors.get(i))
          .isEqualTo(i < 2 ? Ledger.UPDATE_ACCEPTED : Ledger.UPDATE_REJECTED);
      assertThat(update.get(1).asText())
          .as("a reverted second submission must not replace the first update")
          .isEqualTo(updateHashes.get(i));
      assertThat(update.get(2).get(0).asText()).isEqualTo(dataset(i));
      assertThat(update.get(3).asLong()).isEqualTo(sampleCount(i));
      assertThat(number(update.get(6)))
          .as("reward of %s", contributors.get(i))
          .isEqualTo(i < 2 ? SPLIT.rewards().get(i) : BigInteger.ZERO);
    }
    JsonNode late =
        cast.call(
            Ledger.MODEL_REGISTRY,
            Ledger.GET_UPDATE,
            MODEL_ID,
            "1",
            Devnet.account(LATE_CONTRIBUTOR).getAddress());
    assertThat(late.get(0).asInt())
        .as("the late submissions left no update")
        .isEqualTo(Ledger.UPDATE_NONE);
  }

  @Test
  void castLogsShowThreeUpdateSubmissionsWithModelRoundAndContributorAsTopics() {
    long toBlock = blockOf(finalizeReceipt);
    JsonNode logs =
        cast.logs(
            Ledger.MODEL_REGISTRY, firstBlock, toBlock, Ledger.UPDATE_SUBMITTED_EVENT, MODEL_ID);
    assertThat(logs).as("UpdateSubmitted logs of model %s", MODEL_ID).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode log = logs.get(i);
      assertThat(texts(log.path("topics")))
          .containsExactly(
              Ledger.UPDATE_SUBMITTED_TOPIC,
              MODEL_ID,
              Ledger.topic(1),
              Ledger.topic(contributors.get(i)));
      String data = log.path("data").asText();
      assertThat(Ledger.word(data, 0)).as("updateHash").isEqualTo(updateHashes.get(i));
      assertThat(Ledger.uintWord(data, 1))
          .as("sampleCount")
          .isEqualTo(BigInteger.valueOf(sampleCount(i)));
      assertThat(log.path("transactionHash").asText()).isEqualTo(submitTxs.get(i));
    }

    // the node filters on the third indexed parameter too: one contributor, one log
    JsonNode one =
        cast.logs(
            Ledger.MODEL_REGISTRY,
            firstBlock,
            toBlock,
            Ledger.UPDATE_SUBMITTED_EVENT,
            MODEL_ID,
            "1",
            contributors.get(1));
    assertThat(one).hasSize(1);
    assertThat(one.get(0).path("transactionHash").asText()).isEqualTo(submitTxs.get(1));
  }

  @Test
  void castLogsShowTheRoundFinalizedWithItsAggregateAndAcceptedCount() {
    JsonNode logs =
        cast.logs(
            Ledger.MODEL_REGISTRY,
            firstBlock,
            blockOf(finalizeReceipt),
            Ledger.ROUND_FINALIZED_EVENT,
            MODEL_ID,
            "1");
    assertThat(logs).hasSize(1);
    JsonNode log = logs.get(0);
    assertThat(texts(log.path("topics")))
        .containsExactly(Ledger.ROUND_FINALIZED_TOPIC, MODEL_ID, Ledger.topic(1));
    assertThat(Ledger.word(log.path("data").asText(), 0)).isEqualTo(AGGREGATE_HASH);
    assertThat(Ledger.uintWord(log.path("data").asText(), 1)).isEqualTo(BigInteger.TWO);
    assertThat(log.path("transactionHash").asText())
        .isEqualTo(finalizeReceipt.path("transactionHash").asText());
  }

  @Test
  void finalizeReceiptMintsEachRewardAsATransferFromTheZeroAddress() {
    JsonNode receipt = cast.receipt(finalizeReceipt.path("transactionHash").asText());
    List<String> mints = new ArrayList<>();
    List<String> rewarded = new ArrayList<>();
    for (JsonNode log : receipt.path("logs")) {
      List<String> topics = texts(log.path("topics"));
      if (topics.getFirst().equals(Ledger.TRANSFER_TOPIC)) {
        assertThat(log.path("address").asText()).isEqualToIgnoringCase(Ledger.CONTRIBUTION_TOKEN);
        assertThat(topics.get(1)).as("from").isEqualTo(Ledger.topic(Ledger.ZERO_ADDRESS));
        mints.add(topics.get(2) + " " + Ledger.uintWord(log.path("data").asText(), 0));
      } else if (topics.getFirst().equals(Ledger.CONTRIBUTION_REWARDED_TOPIC)) {
        String data = log.path("data").asText();
        rewarded.add(
            topics.get(3) + " " + Ledger.uintWord(data, 0) + " " + Ledger.uintWord(data, 1));
      }
    }
    List<BigInteger> rewards = SPLIT.rewards();
    assertThat(mints)
        .containsExactly(
            Ledger.topic(contributors.get(0)) + " " + rewards.get(0),
            Ledger.topic(contributors.get(1)) + " " + rewards.get(1));
    assertThat(rewarded)
        .as("ContributionRewarded(contributor, weight, reward)")
        .containsExactly(
            Ledger.topic(contributors.get(0)) + " 2 " + rewards.get(0),
            Ledger.topic(contributors.get(1)) + " 1 " + rewards.get(1));
  }

  /**
   * IModelRegistry documents that finalizeRound emits the rewards and reputation changes "then
   * RoundFinalized", so a client may take RoundFinalized as the round's closing log.
   */
  @Test
  void roundFinalizedIsTheLastLogOfTheFinalizeTransactionAsTheInterfaceDocuments() {
    Map<String, String> names =
        Map.of(
            Ledger.ROUND_FINALIZED_TOPIC, "RoundFinalized",
            Ledger.CONTRIBUTION_REWARDED_TOPIC, "ContributionRewarded",
            Ledger.REPUTATION_CHANGED_TOPIC, "ReputationChanged");
    List<String> registryLogs = new ArrayList<>();
    for (JsonNode log : finalizeReceipt.path("logs")) {
      if (log.path("address").asText().equalsIgnoreCase(Ledger.MODEL_REGISTRY)) {
        String topic = log.path("topics").get(0).asText().toLowerCase();
        registryLogs.add(names.getOrDefault(topic, topic));
      }
    }
    assertThat(registryLogs)
        .containsExactlyInAnyOrder(
            "ContributionRewarded",
            "ContributionRewarded",
            "ReputationChanged",
            "ReputationChanged",
            "ReputationChanged",
            "RoundFinalized");
    assertThat(registryLogs.getLast())
        .as("last ModelRegistry log of finalizeRound; all of them in order: %s", registryLogs)
        .isEqualTo("RoundFinalized");
  }

  @Test
  void citingATaintedDatasetFailsWithTheTaintSourceInCastsError() {
    assertThat(derivedTaintedBeforeRound)
        .as("isTainted(derived) after revoking its parent")
        .isTrue();
    assertReverted(
        taintedAttempt,
        "dataset " + DERIVED_DATASET + " is tainted (revoked ancestor " + RAW_DATASET + ")");
  }

  @Test
  void aSecondSubmissionBySameContributorFailsWithAReadableReason() {
    assertReverted(
        duplicateAttempt,
        "contributor "
            + contributors.getFirst().toLowerCase()
            + " already submitted an update to round 1 of model "
            + MODEL_ID);
  }

  @Test
  void submittingAfterFinalizeFailsBecauseTheRoundIsClosed() {
    assertReverted(afterFinalizeAttempt, "round 1 of model " + MODEL_ID + " is closed");
  }

  @Test
  void aMinedRevertedSubmissionCarriesItsReasonInTheReceipt() {
    String reason = "round 1 of model " + MODEL_ID + " is closed";
    assertThat(afterFinalizeMined.path("status").asText()).isEqualTo("0x0");
    assertThat(afterFinalizeMined.path("logs")).isEmpty();
    assertThat(afterFinalizeMined.path("revertReason").asText())
        .as("cast decodes the receipt's revertReason")
        .contains(reason);

    String txHash = afterFinalizeMined.path("transactionHash").asText();
    JsonNode raw = rpc.result("eth_getTransactionReceipt", txHash);
    assertThat(raw.path("status").asText()).isEqualTo("0x0");
    assertThat(Ledger.errorReason(raw.path("revertReason").asText())).isEqualTo(reason);
  }

  private static Cast.Result trySubmit(int account, String tag, String dataset) {
    return cast.trySend(
        account,
        Ledger.MODEL_REGISTRY,
        Ledger.SUBMIT_UPDATE,
        MODEL_ID,
        "1",
        Ledger.id(LABEL + "/update/" + tag),
        "[" + dataset + "]",
        "1",
        Ledger.id(LABEL + "/metrics/" + tag));
  }

  /** cast failed before sending, and its error output quotes the contract's reason. */
  private static void assertReverted(Cast.Result attempt, String reason) {
    assertThat(attempt.exitCode())
        .as("cast must fail: %s\nstdout: %s", attempt.command(), attempt.stdout())
        .isNotZero();
    assertThat(attempt.stderr()).contains("execution reverted: " + reason);
  }

  private static void requireSuccess(String what, JsonNode receipt) {
    if (!"0x1".equals(receipt.path("status").asText())) {
      throw new AssertionError(what + " failed: " + receipt);
    }
  }

  private static String dataset(int index) {
    return Ledger.id(LABEL + "/dataset/" + index);
  }

  private static long sampleCount(int index) {
    return 1_000L + index;
  }

  private static long blockOf(JsonNode receipt) {
    return Long.decode(receipt.path("blockNumber").asText());
  }

  /** A number cast printed, alone or as the only element of its --json array. */
  private static BigInteger number(JsonNode value) {
    JsonNode single = value.isArray() ? value.get(0) : value;
    return new BigInteger(single.asText());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText().toLowerCase()));
    return texts;
  }
}

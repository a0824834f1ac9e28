package org.ailedger.tests.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ailedger.chaincode.bindings.ContributionToken;
import org.ailedger.chaincode.bindings.DataProvenance;
import org.ailedger.chaincode.bindings.ModelRegistry;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.Governance;
import org.ailedger.tests.dsl.IndexedEvents;
import org.ailedger.tests.dsl.JsonRpc;
import org.ailedger.tests.dsl.Ledger;
import org.ailedger.tests.dsl.NodeProcess;
import org.ailedger.tests.dsl.Prometheus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.http.HttpService;
import org.web3j.tuples.generated.Tuple3;
import org.web3j.tuples.generated.Tuple5;
import org.web3j.tuples.generated.Tuple8;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

/**
 * {@code ailedger devnet} as a newcomer meets it: four validator processes that peer with each
 * other and agree on every block, a banner with every validator's endpoints and the dev accounts,
 * and the demo of DESIGN §6 seeded through validator 0 on first start — a finalized round whose
 * rewards landed pro rata, a dataset lineage with a revoked dataset tainting its descendant and the
 * update that cites it, a second round open and a governance proposal with votes. The demo is read
 * back from validator 3 with web3j and the generated bindings, as an outside client would. SIGTERM
 * stops every validator and exits 0; a second start resumes the same chain without seeding again; a
 * devnet killed outright takes its validators with it. The indexer process follows validator 0,
 * serves the demo over REST and counts its events in its Prometheus metrics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevnetCommandIT {
  @RegisterExtension static final DevnetNode DEVNET = DevnetNode.devnetCommand("devnet-command");

  /** The demo's last line: everything before it has committed. */
  private static final String DEMO_DONE = "ailedger gov execute";

  private static final BigInteger ACT = BigInteger.TEN.pow(18);
  private static final byte[] MODEL = id("chest-xray-classifier");
  private static final byte[] XRAYS = id("st-mary-hospital/chest-xrays-2025");
  private static final byte[] RAW = id("city-clinic/raw-export-2024");
  private static final byte[] CURATED = id("city-clinic/curated-2025");
  private static final int FINALIZED = 2;
  private static final int OPEN = 1;
  private static final int VALIDATORS = NodeProcess.DEVNET_VALIDATORS;
  private static final Duration PROGRESS = Duration.ofSeconds(60);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Web3j web3j;
  private static ModelRegistry registry;
  private static DataProvenance provenance;
  private static ContributionToken token;
  private static QuadraticGovernor governor;

  @BeforeAll
  static void waitForTheDemo() {
    NodeProcess devnet = DEVNET.node();
    devnet.awaitOutput(DEMO_DONE, Duration.ofSeconds(180));
    // the demo went in through validator 0; everything below reads validator 3, once it has
    // every block validator 0 had when the demo finished
    long seeded = devnet.rpc(0).blockNumber();
    Await.untilTrue(
        "validator 3 to reach block " + seeded,
        PROGRESS,
        () -> devnet.rpc(3).blockNumber() >= seeded);
    web3j = Web3j.build(new HttpService(devnet.httpUrl(3).toString()));
    ReadonlyTransactionManager reader =
        new ReadonlyTransactionManager(web3j, Devnet.account(0).getAddress());
    DefaultGasProvider gas = new DefaultGasProvider();
    registry = ModelRegistry.load(Ledger.MODEL_REGISTRY, web3j, reader, gas);
    provenance = DataProvenance.load(Ledger.DATA_PROVENANCE, web3j, reader, gas);
    token = ContributionToken.load(Ledger.CONTRIBUTION_TOKEN, web3j, reader, gas);
    governor = QuadraticGovernor.load(Governance.ADDRESS, web3j, reader, gas);
  }

  @AfterAll
  static void closeClient() {
    if (web3j != null) {
      web3j.shutdown();
    }
  }

  @Test
  @Order(1)
  void theBannerNamesTheChainEveryValidatorsEndpointsAndTheDevAccounts() {
    String output = DEVNET.node().outputSinceStart();
    assertThat(output)
        .contains("chain id 1337, 4 validators")
        .contains("Seeding the demo through validator 0");
    for (int i = 0; i < VALIDATORS; i++) {
      assertThat(output)
          .contains(DEVNET.node().httpUrl(i) + " ")
          .contains(DEVNET.node().wsUrl(i) + " ")
          .contains("validator-" + i + "/node.log");
    }
    for (int i = 0; i < 10; i++) {
      assertThat(output.toLowerCase()).contains(Devnet.account(i).getAddress().toLowerCase());
    }
  }

  @Test
  @Order(2)
  void fourValidatorProcessesArePeersAndAgreeOnEveryBlock() {
    NodeProcess devnet = DEVNET.node();
    List<ProcessHandle> children = devnet.childProcesses();
    assertThat(children).as("the devnet's child processes").hasSize(VALIDATORS + 1);
    // the banner names each validator's and the indexer's process: the devnet's own children
    String banner = devnet.outputSinceStart();
    assertThat(children)
        .allSatisfy(
            child ->
                assertThat(banner)
                    .containsPattern(
                        "(validator \\d  0x\\p{XDigit}{40}|indexer .*)  pid " + child.pid() + " "));
    for (int i = 0; i < VALIDATORS; i++) {
      JsonRpc rpc = devnet.rpc(i);
      Await.untilTrue(
          "validator " + i + " to have 3 peers",
          PROGRESS,
          () -> rpc.result("admin_peers").size() == VALIDATORS - 1);
    }

    long start = 0;
    for (int i = 0; i < VALIDATORS; i++) {
      start = Math.max(start, devnet.rpc(i).blockNumber());
    }
    long target = start + 2;
    for (int i = 0; i < VALIDATORS; i++) {
      JsonRpc rpc = devnet.rpc(i);
      Await.untilTrue(
          "validator " + i + " to reach block " + target,
          PROGRESS,
          () -> rpc.blockNumber() >= target);
    }
    for (long n = target - 2; n <= target; n++) {
      String expected = hashAt(devnet.rpc(0), n);
      for (int i = 1; i < VALIDATORS; i++) {
        assertThat(hashAt(devnet.rpc(i), n))
            .as("block " + n + " on validator " + i)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  @Order(3)
  void roundOneIsFinalizedAndItsPoolWasMintedProRata() throws Exception {
    Tuple5<String, String, String, BigInteger, BigInteger> model = registry.getModel(MODEL).send();
    assertThat(model.component1()).isEqualToIgnoringCase(Devnet.account(0).getAddress());
    assertThat(model.component2()).isEqualToIgnoringCase(Devnet.account(1).getAddress());
    assertThat(model.component4()).as("latest round").isEqualTo(2);

    Tuple8<BigInteger, byte[], BigInteger, BigInteger, byte[], BigInteger, BigInteger, BigInteger>
        round = registry.getRound(MODEL, BigInteger.ONE).send();
    assertThat(round.component1()).as("status").isEqualTo(FINALIZED);
    assertThat(round.component3())
        .as("reward pool")
        .isEqualTo(ACT.multiply(BigInteger.valueOf(900)));
    assertThat(round.component6()).as("submissions").isEqualTo(3);
    assertThat(round.component7()).as("accepted").isEqualTo(3);
    assertThat(round.component8()).as("minted").isEqualTo(ACT.multiply(BigInteger.valueOf(900)));

    // weights 1200:800:500 of 900 ACT; the contributors held no ACT before
    assertThat(balance(2)).isEqualTo(ACT.multiply(BigInteger.valueOf(432)));
    assertThat(balance(3)).isEqualTo(ACT.multiply(BigInteger.valueOf(288)));
    assertThat(balance(4)).isEqualTo(ACT.multiply(BigInteger.valueOf(180)));
    assertThat(registry.reputation(Devnet.account(2).getAddress()).send()).isPositive();

    assertThat(registry.getRound(MODEL, BigInteger.TWO).send().component1())
        .as("round 2 status")
        .isEqualTo(OPEN);
  }

  @Test
  @Order(4)
  void theRevokedDatasetTaintsItsDescendantAndTheUpdateThatCitesIt() throws Exception {
    assertThat(provenance.isTainted(RAW).send()).as("the revoked dataset").isTrue();
    assertThat(provenance.isTainted(CURATED).send()).as("its descendant").isTrue();
    assertThat(provenance.isTainted(XRAYS).send()).as("an unrelated dataset").isFalse();
    assertThat(
            registry.isUpdateTainted(MODEL, BigInteger.ONE, Devnet.account(4).getAddress()).send())
        .as("city-clinic's round-1 update, trained on the curated dataset")
        .isTrue();
    assertThat(
            registry.isUpdateTainted(MODEL, BigInteger.ONE, Devnet.account(2).getAddress()).send())
        .isFalse();
  }

  @Test
  @Order(5)
  void aGovernanceProposalHasTheVotesOfTwoMembers() throws Exception {
    assertThat(governor.proposalCount().send()).isEqualTo(1);
    Tuple3<BigInteger, BigInteger, BigInteger> votes =
        governor.proposalVotes(BigInteger.ONE).send();
    assertThat(votes.component1()).as("against").isZero();
    assertThat(votes.component2()).as("for").isPositive();
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameterName.EARLIEST,
            DefaultBlockParameterName.LATEST,
            Governance.ADDRESS);
    filter.addSingleTopic(Governance.VOTE_CAST_TOPIC);
    assertThat(web3j.ethGetLogs(filter).send().getLogs()).hasSize(2);
  }

  @Test
  @Order(6)
  void theIndexerProcessServesItsHealthAndTheDemosModel() throws Exception {
    NodeProcess devnet = DEVNET.node();
    URI indexer = devnet.indexerUrl();
    assertThat(devnet.outputSinceStart()).contains(indexer + "/v1/");
    long seeded = devnet.rpc(0).blockNumber();

    JsonNode health = indexerGet(indexer.resolve("/v1/health"));
    assertThat(health.get("status").asText()).isIn("ok", "catching-up", "starting");
    // minBlock: the answer waits until the indexer holds every block of the demo
    JsonNode models =
        Await.until(
            "the indexer to serve block " + seeded,
            PROGRESS,
            () -> answerOf(indexer.resolve("/v1/models?minBlock=" + seeded)));
    assertThat(models.get("block").get("number").asLong()).isGreaterThanOrEqualTo(seeded);
    assertThat(models.get("data")).hasSize(1);
    JsonNode model = models.get("data").get(0);
    assertThat(model.get("modelId").asText()).isEqualTo(Numeric.toHexString(MODEL));
    assertThat(model.get("owner").asText()).isEqualTo(Devnet.account(0).getAddress().toLowerCase());
    JsonNode round =
        indexerGet(indexer.resolve("/v1/models/" + Numeric.toHexString(MODEL) + "/rounds/1"));
    assertThat(round.get("data").get("status").asText()).isEqualTo("finalized");
    assertThat(round.get("data").get("rewardsPaid").asText())
        .isEqualTo(ACT.multiply(BigInteger.valueOf(900)).toString());
    assertThat(indexerGet(indexer.resolve("/v1/health")).get("status").asText()).isEqualTo("ok");

    // its metrics, on the port the devnet gave it: every event of the demo counted once
    assertThat(devnet.outputSinceStart()).contains(devnet.indexerMetricsUrl().toString());
    HttpResponse<String> scrape =
        HTTP.send(
            HttpRequest.newBuilder(devnet.indexerMetricsUrl()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.statusCode()).isEqualTo(200);
    Prometheus metrics = Prometheus.parse(scrape.body());
    long indexed = (long) metrics.value("ailedger_indexer_indexed_block");
    assertThat(indexed).isGreaterThanOrEqualTo(seeded);
    assertThat(metrics.sum("ailedger_indexer_events_ingested_total"))
        .isEqualTo(IndexedEvents.onChain(devnet.rpc(0), indexed).size())
        .isPositive();
    assertThat(
            metrics.value(
                "ailedger_indexer_http_request_seconds_count",
                "route",
                "/v1/models/{modelId}/rounds/{round}",
                "status",
                "200"))
        .isEqualTo(1);
  }

  @Test
  @Order(7)
  void sigtermStopsEveryValidatorAndASecondStartResumesTheSameChainWithoutSeeding()
      throws Exception {
    NodeProcess devnet = DEVNET.node();
    long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    String headHash = blockHash(head);
    List<ProcessHandle> validators = devnet.childProcesses();
    assertThat(validators).as("validators and the indexer").hasSize(VALIDATORS + 1);

    assertThat(devnet.stop()).as("exit code after SIGTERM").isZero();
    // the devnet waits for its validators before it exits: none may be left at all
    assertThat(validators)
        .as("validator processes after the devnet exited")
        .noneMatch(ProcessHandle::isAlive);
    assertThat(devnet.outputSinceStart())
        .contains("Stopping the devnet (SIGTERM)", "indexer (pid", "Devnet stopped");

    devnet.restart();
    devnet.awaitOutput("Press Ctrl-C", Duration.ofSeconds(150));
    assertThat(devnet.outputSinceStart()).doesNotContain("Seeding the demo");
    assertThat(devnet.childProcesses())
        .as("new validator and indexer processes")
        .hasSize(VALIDATORS + 1)
        .noneMatch(validators::contains);
    assertThat(blockHash(head)).isEqualTo(headHash);
    assertThat(registry.getRound(MODEL, BigInteger.ONE).send().component1()).isEqualTo(FINALIZED);
    assertThat(balance(2)).isEqualTo(ACT.multiply(BigInteger.valueOf(432)));
    Await.untilTrue(
        "validator 3 to commit blocks after the restart",
        PROGRESS,
        () -> devnet.rpc(3).blockNumber() > head);
  }

  @Test
  @Order(8)
  void aDemoInterruptedWhileSeedingIsSeededAgainFromBlockZero() throws Exception {
    NodeProcess devnet = DEVNET.node();
    assertThat(devnet.stop()).isZero();
    devnet.wipeData();
    devnet.restart();
    devnet.awaitOutput("Seeding the demo", Duration.ofSeconds(60));
    assertThat(devnet.stop()).as("exit code after SIGTERM during seeding").isZero();
    assertThat(devnet.outputSinceStart()).doesNotContain(DEMO_DONE);

    devnet.restart();
    devnet.awaitOutput(DEMO_DONE, Duration.ofSeconds(180));
    assertThat(devnet.outputSinceStart())
        .contains("was interrupted while seeding; starting the devnet over from block 0");
    long seeded = devnet.rpc(0).blockNumber();
    Await.untilTrue(
        "validator 3 to reach block " + seeded,
        PROGRESS,
        () -> devnet.rpc(3).blockNumber() >= seeded);
    // the whole demo, once: a model registered twice or a round opened twice would have reverted
    assertThat(registry.getRound(MODEL, BigInteger.ONE).send().component1()).isEqualTo(FINALIZED);
    assertThat(registry.getRound(MODEL, BigInteger.TWO).send().component1()).isEqualTo(OPEN);
    assertThat(balance(2)).isEqualTo(ACT.multiply(BigInteger.valueOf(432)));
  }

  @Test
  @Order(9)
  void aDevnetKilledOutrightTakesItsValidatorsWithIt() {
    NodeProcess devnet = DEVNET.node();
    List<ProcessHandle> validators = devnet.childProcesses();
    assertThat(validators).as("validators and the indexer").hasSize(VALIDATORS + 1);

    devnet.kill(); // SIGKILL: the devnet runs no code of its own to stop them
    // each validator polls for its parent at most 5 s apart, then closes as on SIGTERM
    Await.untilTrue(
        "every validator of the killed devnet to exit",
        Duration.ofSeconds(60),
        () -> validators.stream().noneMatch(ProcessHandle::isAlive));
  }

  /** The indexer's answer if it is a 200; empty while it is behind (503) or not listening. */
  private static Optional<JsonNode> answerOf(URI uri) {
    try {
      HttpResponse<String> answer =
          HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200
          ? Optional.of(JSON.readTree(answer.body()))
          : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static JsonNode indexerGet(URI uri) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(uri + " " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static String hashAt(JsonRpc rpc, long number) {
    return rpc.result("eth_getBlockByNumber", "0x" + Long.toHexString(number), false)
        .get("hash")
        .asText();
  }

  private static BigInteger balance(int account) throws Exception {
    return token.balanceOf(Devnet.account(account).getAddress()).send();
  }

  private static String blockHash(long number) throws Exception {
    return web3j
        .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
        .send()
        .getBlock()
        .getHash();
  }

  private static byte[] id(String name) {
    return Hash.sha3(name.getBytes(StandardCharsets.UTF_8));
  }
}

package org.ailedger.tests.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.ailedger.indexer.api.ApiConfig;
import org.ailedger.indexer.app.IndexerConfig;
import org.ailedger.indexer.app.LedgerIndexer;
import org.ailedger.indexer.event.ParameterName;
import org.ailedger.indexer.ingest.IngestConfig;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.store.Engine;
import org.ailedger.indexer.store.StoreConfig;
import org.ailedger.indexer.store.StoreLocation;
import org.ailedger.indexer.store.TestStores;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.genesis.QbftOptions;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.DevContracts;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.NodeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * One real chain indexed twice, into SQLite and into a real PostgreSQL server: a node with a
 * history of every kind (two models, finalized and open rounds, updates citing datasets, a lineage
 * three deep with two parents, an endorsement, a revocation, token transfers and an approval, two
 * proposals with votes for, against and abstaining) on a genesis that makes no empty blocks, so
 * both indexers stop at the same block. Every answer of every fixed path — singles, lists with
 * their default page and walked page by page, the contributors of every member account, and
 * problems — must be byte-equal between the two engines.
 */
class IndexerParityIT {
  private static final Duration CATCH_UP = Duration.ofSeconds(60);
  private static final BigInteger ACT = BigInteger.TEN.pow(18);
  private static final byte[] MODEL_A = id("parity/model-a");
  private static final byte[] MODEL_B = id("parity/model-b");
  private static final byte[] PARENT = id("parity/parent");
  private static final byte[] OTHER = id("parity/other");
  private static final byte[] CHILD = id("parity/child");
  private static final byte[] GRANDCHILD = id("parity/grandchild");
  private static final BigInteger FOR = BigInteger.ONE;
  private static final BigInteger AGAINST = BigInteger.ZERO;
  private static final BigInteger ABSTAIN = BigInteger.TWO;

  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path dir;

  private static NodeProcess node;
  private static Web3j web3j;
  private static DevContracts contracts;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startAnIdleNode() {
    GenesisWriter.Spec devnet = DevnetGenesis.spec(1);
    QbftOptions qbft = devnet.qbft();
    // no empty blocks: once the history is in, the head stays put and both indexers reach it
    QbftOptions noEmptyBlocks =
        new QbftOptions(
            qbft.blockPeriodSeconds(),
            qbft.emptyBlockPeriodSeconds(),
            qbft.epochLength(),
            qbft.requestTimeoutSeconds(),
            false,
            qbft.messageQueueLimit(),
            qbft.duplicateMessageLimit(),
            qbft.gossipedHistoryLimit(),
            qbft.futureMessagesLimit(),
            qbft.futureMessagesMaxDistance());
    GenesisWriter.Spec spec =
        new GenesisWriter.Spec(
            devnet.chainId(),
            noEmptyBlocks,
            devnet.gasLimit(),
            devnet.timestamp(),
            devnet.validators(),
            devnet.alloc(),
            devnet.accounts(),
            devnet.nodes(),
            devnet.tokens(),
            devnet.parameters());
    node =
        NodeProcess.prepareNode(
                "indexer-parity", new GenesisWriter().write(spec), DevAccounts.validator(0))
            .start();
    web3j = Web3j.build(new HttpService(node.httpUrl().toString()));
    contracts = new DevContracts(web3j, 600);
  }

  @AfterAll
  static void stopNode() {
    if (web3j != null) {
      web3j.shutdown();
    }
    if (node != null) {
      node.close();
    }
  }

  @Test
  void sqliteAndPostgresqlGiveByteEqualAnswersOnEveryPath() throws Exception {
    playHistory();
    long head = node.rpc().blockNumber();

    try (LedgerIndexer sqlite =
            LedgerIndexer.start(config(new StoreLocation.SqliteFile(dir.resolve("indexer.db"))));
        LedgerIndexer postgres = LedgerIndexer.start(config(stores.location(Engine.POSTGRESQL)))) {
      awaitCaughtUp(sqlite, head);
      awaitCaughtUp(postgres, head);
      assertThat(node.rpc().blockNumber()).as("the idle chain's head").isEqualTo(head);

      List<String> compared = compareEveryPath(sqlite.apiPort(), postgres.apiPort());

      // the crawl reached every kind of answer the history holds
      assertThat(compared)
          .contains(
              "/v1/health",
              "/v1/network",
              "/v1/models",
              "/v1/models/" + hex(MODEL_A) + "/rounds/2/updates",
              "/v1/datasets/" + hex(GRANDCHILD) + "/lineage",
              "/v1/proposals/2/votes",
              "/v1/contributors/" + Devnet.account(3).getAddress().toLowerCase(),
              "/v1/blocks",
              "/v1/blocks/0");
      assertThat(compared).anyMatch(path -> path.startsWith("/v1/transactions/0x"));
      assertThat(compared).hasSizeGreaterThan(100);
    }
  }

  /**
   * Crawls both APIs from the lists, following every id an answer names and every page, and asserts
   * each pair of answers byte-equal. Returns the paths compared.
   */
  private List<String> compareEveryPath(int sqlitePort, int postgresPort) throws Exception {
    Deque<String> queue = new ArrayDeque<>();
    Set<String> seen = new LinkedHashSet<>();
    queue.addAll(
        List.of(
            "/v1/health",
            "/v1/network",
            "/v1/models",
            "/v1/models?limit=1",
            "/v1/proposals",
            "/v1/proposals?limit=1",
            "/v1/blocks",
            "/v1/blocks?limit=1&order=asc",
            // problems are answers too
            "/v1/blocks/999999",
            "/v1/transactions/0x" + "33".repeat(32),
            "/v1/models/0x" + "00".repeat(32),
            "/v1/models/" + hex(MODEL_A) + "/rounds/9",
            "/v1/proposals/99",
            "/v1/proposals/1/votes?cursor=bm90LWEtY3Vyc29y",
            "/v1/datasets/0x" + "11".repeat(32),
            "/v1/contributors/0x" + "22".repeat(20)));
    List<String> compared = new ArrayList<>();
    while (!queue.isEmpty()) {
      String path = queue.poll();
      if (!seen.add(path)) {
        continue;
      }
      HttpResponse<String> fromSqlite = get(sqlitePort, path);
      HttpResponse<String> fromPostgres = get(postgresPort, path);
      assertThat(fromPostgres.statusCode())
          .as("status of %s (SQLite answered %s)", path, fromSqlite.body())
          .isEqualTo(fromSqlite.statusCode());
      assertThat(fromPostgres.headers().firstValue("content-type"))
          .as("content type of %s", path)
          .isEqualTo(fromSqlite.headers().firstValue("content-type"));
      assertThat(fromPostgres.body()).as("the answer to %s", path).isEqualTo(fromSqlite.body());
      compared.add(path);
      if (fromSqlite.statusCode() == 200) {
        queue.addAll(linksOf(path, json.readTree(fromSqlite.body())));
      }
    }
    return compared;
  }

  /** The paths an answer leads to: its next page, and the resources it names. */
  private static List<String> linksOf(String path, JsonNode answer) {
    List<String> links = new ArrayList<>();
    JsonNode next = answer.path("nextCursor");
    if (next.isTextual()) {
      String base = path.replaceAll("[?&]cursor=[^&]*", "");
      links.add(base + (base.contains("?") ? "&" : "?") + "cursor=" + encode(next.asText()));
    }
    JsonNode data = answer.path("data");
    String route = path.replaceAll("\\?.*", "");
    if (route.equals("/v1/network")) {
      for (JsonNode member : data.path("members")) {
        member.path("accounts").forEach(a -> links.add("/v1/contributors/" + a.asText()));
      }
      data.path("validators").forEach(v -> links.add("/v1/contributors/" + v.asText()));
    } else if (route.equals("/v1/models")) {
      for (JsonNode model : data) {
        String id = model.path("modelId").asText();
        links.add("/v1/models/" + id);
        for (int round = 1; round <= model.path("latestRound").asInt(); round++) {
          String roundPath = "/v1/models/" + id + "/rounds/" + round;
          links.addAll(List.of(roundPath, roundPath + "/updates", roundPath + "/updates?limit=1"));
        }
      }
    } else if (route.endsWith("/updates")) {
      for (JsonNode update : data) {
        links.add("/v1/contributors/" + update.path("contributor").asText());
        links.add("/v1/contributors/" + update.path("contributor").asText() + "?limit=1");
        update.path("datasets").forEach(d -> links.addAll(datasetPaths(d.asText())));
      }
    } else if (route.endsWith("/lineage")) {
      data.path("parents").forEach(p -> links.addAll(datasetPaths(p.path("datasetId").asText())));
      data.path("children").forEach(c -> links.addAll(datasetPaths(c.path("datasetId").asText())));
    } else if (route.equals("/v1/proposals")) {
      for (JsonNode proposal : data) {
        String id = "/v1/proposals/" + proposal.path("id").asLong();
        links.addAll(List.of(id, id + "/votes", id + "/votes?limit=1"));
      }
    } else if (route.endsWith("/votes")) {
      data.forEach(vote -> links.add("/v1/contributors/" + vote.path("voter").asText()));
    } else if (route.equals("/v1/blocks")) {
      data.forEach(block -> links.add("/v1/blocks/" + block.path("number").asLong()));
    } else if (route.startsWith("/v1/blocks/")) {
      for (JsonNode transaction : data.path("transactions")) {
        String tx = "/v1/transactions/" + transaction.path("hash").asText();
        links.addAll(List.of(tx, tx + "?limit=1"));
      }
    }
    return links;
  }

  private static List<String> datasetPaths(String datasetId) {
    return List.of("/v1/datasets/" + datasetId, "/v1/datasets/" + datasetId + "/lineage");
  }

  /**
   * Two models, rounds finalized and open, a lineage three deep with two parents, an endorsement, a
   * revocation, token moves and two proposals with votes of every kind, sent as a client would.
   * Transactions of one phase come from different accounts and go out together.
   */
  private static void playHistory() throws Exception {
    long deadline = node.rpc().blockNumber() + 1_000;
    phase(
        contracts
            .provenance(2)
            .attest(PARENT, id("parent content"), "s3://parent", "CC-BY-4.0", List.of()),
        contracts
            .provenance(3)
            .attest(OTHER, id("other content"), "s3://other", "CC0-1.0", List.of()),
        contracts.registry(0).registerModel(MODEL_A, "ipfs://parity/a", address(1)));
    phase(
        contracts
            .provenance(4)
            .attest(CHILD, id("child content"), "s3://child", "research", List.of(PARENT, OTHER)),
        contracts.provenance(5).endorse(PARENT),
        contracts.registry(0).registerModel(MODEL_B, "ipfs://parity/b", address(1)));
    phase(
        contracts
            .provenance(4)
            .attest(GRANDCHILD, id("grandchild"), "s3://grandchild", "research", List.of(CHILD)),
        contracts
            .registry(1)
            .openRound(MODEL_A, BigInteger.ONE, id("base a"), act(300), big(deadline)));
    phase(
        contracts
            .registry(1)
            .openRound(MODEL_B, BigInteger.ONE, id("base b"), act(100), big(deadline)));
    phase(
        submit(2, MODEL_A, 1, List.of(PARENT), 1200),
        submit(3, MODEL_A, 1, List.of(OTHER, CHILD), 800),
        submit(4, MODEL_A, 1, List.of(GRANDCHILD), 500));
    phase(submit(2, MODEL_B, 1, List.of(OTHER), 700));
    phase(
        contracts
            .registry(1)
            .finalizeRound(
                MODEL_A,
                BigInteger.ONE,
                id("aggregate a1"),
                List.of(address(2), address(3), address(4)),
                List.of(big(1200), big(800), big(500))));
    phase(
        contracts
            .registry(1)
            .finalizeRound(
                MODEL_B,
                BigInteger.ONE,
                id("aggregate b1"),
                List.of(address(2)),
                List.of(big(700))));
    phase(
        contracts
            .registry(1)
            .openRound(MODEL_A, BigInteger.TWO, id("aggregate a1"), act(200), big(deadline)),
        contracts.provenance(5).revoke(PARENT, id("consent withdrawn")),
        contracts.token(2).transfer(address(3), act(1)),
        contracts.token(3).approve(address(4), act(2)));
    phase(
        submit(3, MODEL_A, 2, List.of(OTHER), 900),
        contracts.governor(0).propose(BigInteger.ZERO, capPayload(1500), "raise the cap to 15 %"));
    phase(
        contracts.governor(0).propose(BigInteger.ZERO, capPayload(1200), "raise the cap to 12 %"),
        contracts.token(6).transfer(address(7), act(1)));
    // voting opens a block after each proposal's block; a transfer makes sure that block exists
    phase(contracts.token(7).transfer(address(8), act(1)));
    phase(
        contracts.governor(0).castVote(BigInteger.ONE, FOR),
        contracts.governor(6).castVote(BigInteger.ONE, FOR),
        contracts.governor(7).castVote(BigInteger.ONE, AGAINST),
        contracts.governor(9).castVote(BigInteger.TWO, ABSTAIN));
    phase(
        contracts.governor(6).castVote(BigInteger.TWO, FOR),
        contracts.governor(0).castVote(BigInteger.TWO, AGAINST));
  }

  /** Sends the calls together (each from its own account) and waits for every receipt. */
  @SafeVarargs
  private static void phase(RemoteFunctionCall<TransactionReceipt>... calls) {
    List<CompletableFuture<TransactionReceipt>> sent = new ArrayList<>();
    for (RemoteFunctionCall<TransactionReceipt> call : calls) {
      sent.add(call.sendAsync());
    }
    for (CompletableFuture<TransactionReceipt> receipt : sent) {
      assertThat(receipt.join().isStatusOK()).as("receipt %s", receipt.join()).isTrue();
    }
  }

  private static RemoteFunctionCall<TransactionReceipt> submit(
      int account, byte[] model, long round, List<byte[]> datasets, long samples) {
    return contracts
        .registry(account)
        .submitUpdate(
            model,
            big(round),
            id("update " + account + " " + round),
            datasets,
            big(samples),
            id("metrics " + account));
  }

  private static byte[] capPayload(long bps) {
    return Numeric.hexStringToByteArray(
        FunctionEncoder.encodeConstructor(
            List.of(
                new Bytes32(new ParameterName("capBps").padded().toArrayUnsafe()),
                new Uint256(bps))));
  }

  private IndexerConfig config(StoreLocation location) {
    return new IndexerConfig(
        node.httpUrl(),
        IndexerConfig.DEFAULT_RPC_TIMEOUT,
        StoreConfig.of(location),
        ApiConfig.of("127.0.0.1", 0),
        IngestConfig.defaults());
  }

  private static void awaitCaughtUp(LedgerIndexer indexer, long head) {
    Await.until(
        "the indexer to reach block " + head + " (" + indexer.status() + ")",
        CATCH_UP,
        () ->
            indexer.status() instanceof IngestStatus.Following following
                    && following.caughtUp()
                    && following.cursor().orElseThrow().blockNumber() == head
                ? Optional.of(following)
                : Optional.empty());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String address(int index) {
    return Devnet.account(index).getAddress();
  }

  private static BigInteger act(long whole) {
    return ACT.multiply(BigInteger.valueOf(whole));
  }

  private static BigInteger big(long value) {
    return BigInteger.valueOf(value);
  }

  private static String hex(byte[] id) {
    return Numeric.toHexString(id);
  }

  private static byte[] id(String label) {
    return Hash.sha3(label.getBytes(StandardCharsets.UTF_8));
  }
}

package org.ailedger.tests.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.indexer.event.EventCatalogue;
import org.ailedger.indexer.event.EventDecoder;
import org.ailedger.indexer.event.EventType;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.indexer.event.ParameterName;
import org.ailedger.indexer.ingest.GenesisReader;
import org.ailedger.indexer.ingest.IngestConfig;
import org.ailedger.indexer.ingest.IngestLoop;
import org.ailedger.indexer.ingest.IngestStatus;
import org.ailedger.indexer.ingest.Ingester;
import org.ailedger.indexer.ingest.JsonRpcChainSource;
import org.ailedger.indexer.ingest.JsonRpcClient;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.Database;
import org.ailedger.indexer.store.LedgerQueries;
import org.ailedger.indexer.store.LedgerWriter;
import org.ailedger.indexer.store.OutboxEntry;
import org.ailedger.indexer.store.StoreConfig;
import org.ailedger.indexer.store.StoreLocation;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.DevContracts;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * The indexer follows a real node: a one-validator devnet takes a federated-learning round, a
 * dataset lineage with a revocation, token moves and a governance vote, sent as a client would
 * (web3j with the chaincode bindings); ingestion into SQLite is stopped in the middle and started
 * again, and afterwards every log of the five contracts that {@code eth_getLogs} reports is in the
 * store exactly once, with the genesis state read at block 0.
 */
class IndexerIngestionIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("indexer-ingestion");

  private static final Duration CATCH_UP = Duration.ofSeconds(60);
  private static final BigInteger ACT = BigInteger.TEN.pow(18);
  private static final byte[] MODEL = id("indexer-it/model");
  private static final byte[] PARENT = id("indexer-it/parent");
  private static final byte[] CHILD = id("indexer-it/child");

  private static Web3j web3j;
  private static DevContracts contracts;

  @TempDir Path dataDir;

  @BeforeAll
  static void connect() {
    web3j = Web3j.build(new HttpService(NODE.node().httpUrl().toString()));
    contracts = new DevContracts(web3j, 300);
  }

  @AfterAll
  static void disconnect() {
    if (web3j != null) {
      web3j.shutdown();
    }
  }

  @Test
  void everyContractLogIsStoredExactlyOnceAcrossARestartOfTheIngester() throws Exception {
    StoreLocation store = new StoreLocation.SqliteFile(dataDir.resolve("indexer.db"));

    try (Indexer first = Indexer.start(store)) {
      attestLineageAndOpenARound();
      first.awaitCaughtUp(NODE.node().rpc().blockNumber());
    }
    // ingestion is down while the round is played out, then starts again on the same file
    long roundPlayed = playRoundRevokeAndVote();
    try (Indexer second = Indexer.start(store)) {
      Cursor cursor = second.awaitCaughtUp(roundPlayed);

      List<String> onChain = logsOnChain(cursor.blockNumber());
      List<OutboxEntry> stored = second.queries().outboxAfter(0, 0, LedgerQueries.MAX_OUTBOX_PAGE);
      assertThat(
              stored.stream()
                  .map(e -> e.eventId() + " " + e.event() + " " + e.txHash().toHexString())
                  .toList())
          .as("every log of the five contracts, once, in chain order")
          .containsExactlyElementsOf(onChain);
      assertThat(onChain).hasSizeGreaterThan(20);

      LedgerQueries queries = second.queries();
      assertThat(count(queries, "datasets", "lineage", "endorsements", "revocations"))
          .containsExactly(2L, 1L, 1L, 1L);
      assertThat(count(queries, "models", "rounds", "updates", "update_datasets", "rewards"))
          .containsExactly(1L, 1L, 2L, 2L, 2L);
      assertThat(count(queries, "proposals", "votes")).containsExactly(1L, 1L);
      assertThat(queries.rowCount("token_transfers"))
          .as("two reward mints and one transfer")
          .isEqualTo(3);
      assertThat(queries.rowCount("validators")).as("the genesis validator").isEqualTo(1);
      assertThat(queries.rowCount("members")).as("every permitted dev account").isGreaterThan(100);
      assertThat(queries.rowCount("parameters")).isEqualTo(GenesisReader.PARAMETERS.size());
      assertThat(queries.rowCount("token_allocations")).isPositive();
    }
  }

  /** Phase one, indexed live: two datasets (one derived), an endorsement, a model, a round. */
  private static void attestLineageAndOpenARound() throws Exception {
    contracts
        .provenance(2)
        .attest(PARENT, id("parent content"), "s3://parent", "CC-BY-4.0", List.of())
        .send();
    contracts
        .provenance(3)
        .attest(CHILD, id("child content"), "s3://child", "research-only", List.of(PARENT))
        .send();
    contracts.provenance(5).endorse(PARENT).send();
    contracts
        .registry(0)
        .registerModel(MODEL, "ipfs://indexer-it", Devnet.account(1).getAddress())
        .send();
    long deadline = NODE.node().rpc().blockNumber() + 500;
    contracts
        .registry(1)
        .openRound(
            MODEL,
            BigInteger.ONE,
            id("base"),
            ACT.multiply(BigInteger.valueOf(300)),
            BigInteger.valueOf(deadline))
        .send();
  }

  /** Phase two, while ingestion is down: updates, finalization, a revocation, tokens, a vote. */
  private static long playRoundRevokeAndVote() throws Exception {
    contracts
        .registry(2)
        .submitUpdate(
            MODEL,
            BigInteger.ONE,
            id("update 2"),
            List.of(PARENT),
            BigInteger.valueOf(1200),
            id("m2"))
        .send();
    contracts
        .registry(3)
        .submitUpdate(
            MODEL,
            BigInteger.ONE,
            id("update 3"),
            List.of(CHILD),
            BigInteger.valueOf(800),
            id("m3"))
        .send();
    contracts
        .registry(1)
        .finalizeRound(
            MODEL,
            BigInteger.ONE,
            id("aggregate"),
            List.of(Devnet.account(2).getAddress(), Devnet.account(3).getAddress()),
            List.of(BigInteger.valueOf(1200), BigInteger.valueOf(800)))
        .send();
    contracts.provenance(5).revoke(PARENT, id("consent withdrawn")).send();
    contracts.token(2).transfer(Devnet.account(3).getAddress(), ACT).send();

    byte[] payload =
        Numeric.hexStringToByteArray(
            FunctionEncoder.encodeConstructor(
                List.of(
                    new Bytes32(new ParameterName("capBps").padded().toArrayUnsafe()),
                    new Uint256(1500))));
    var proposed =
        contracts.governor(0).propose(BigInteger.ZERO, payload, "raise the cap to 15 %").send();
    // voting opens votingDelay (1) blocks after the proposal's block
    NODE.node().awaitBlockAbove(proposed.getBlockNumber().longValueExact() + 1, CATCH_UP);
    return contracts
        .governor(0)
        .castVote(BigInteger.ONE, BigInteger.ONE)
        .send()
        .getBlockNumber()
        .longValueExact();
  }

  /**
   * {@code eth_getLogs} of the five contracts as "block:logIndex EventName txHash", in chain order.
   */
  private static List<String> logsOnChain(long toBlock) {
    Map<String, String> names = new HashMap<>();
    for (EventType type : EventCatalogue.nativeContracts()) {
      names.put(type.contract().address().hex() + type.topic().toHexString(), type.name());
    }
    ObjectMapper json = new ObjectMapper();
    var filter =
        json.createObjectNode()
            .put("fromBlock", "0x0")
            .put("toBlock", Numeric.toHexStringWithPrefix(BigInteger.valueOf(toBlock)));
    var addresses = filter.putArray("address");
    for (NativeContract contract : NativeContract.values()) {
      addresses.add(contract.address().hex());
    }
    List<String> logs = new ArrayList<>();
    for (JsonNode log : NODE.node().rpc().result("eth_getLogs", filter)) {
      String key =
          log.get("address").asText().toLowerCase()
              + log.get("topics").get(0).asText().toLowerCase();
      logs.add(
          Numeric.toBigInt(log.get("blockNumber").asText())
              + ":"
              + Numeric.toBigInt(log.get("logIndex").asText())
              + " "
              + names.getOrDefault(key, "unknown " + key)
              + " "
              + log.get("transactionHash").asText().toLowerCase());
    }
    return logs;
  }

  private static List<Long> count(LedgerQueries queries, String... tables) {
    return java.util.Arrays.stream(tables).map(queries::rowCount).toList();
  }

  /** The indexer's store and ingestion loop, as the future {@code ailedger indexer} wires them. */
  private record Indexer(Database database, Ingester ingester, IngestLoop loop)
      implements AutoCloseable {
    static Indexer start(StoreLocation location) {
      Database database = Database.open(StoreConfig.of(location));
      JsonRpcChainSource chain =
          new JsonRpcChainSource(
              new JsonRpcClient(
                  NODE.node().httpUrl(), HttpClient.newHttpClient(), Duration.ofSeconds(10)));
      Ingester ingester =
          new Ingester(
              chain,
              new GenesisReader(chain),
              new LedgerWriter(database),
              EventDecoder.nativeContracts(),
              new IngestConfig(
                  // small batches, so a restart lands between batches of one burst
                  5, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(2)));
      IngestLoop loop = new IngestLoop(ingester);
      loop.start();
      return new Indexer(database, ingester, loop);
    }

    LedgerQueries queries() {
      return new LedgerQueries(database);
    }

    Cursor awaitCaughtUp(long block) {
      return Await.until(
          "the indexer to reach block " + block + " (status " + ingester.status() + ")",
          CATCH_UP,
          () -> {
            IngestStatus status = ingester.status();
            assertThat(status).isNotInstanceOf(IngestStatus.Halted.class);
            return status.cursor().filter(c -> c.blockNumber() >= block);
          });
    }

    @Override
    public void close() {
      loop.close();
      database.close();
    }
  }

  private static Credentials dev(int index) {
    return Devnet.account(index);
  }

  private static byte[] id(String label) {
    return Hash.sha3(label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}

package org.ailedger.cli;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.ailedger.chaincode.bindings.DataProvenance;
import org.ailedger.chaincode.bindings.ModelRegistry;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.ailedger.types.Keccak;
import org.web3j.abi.FunctionEncoder;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Seeds a fresh devnet with the scenario of DESIGN §6, sent as ordinary signed transactions over
 * the node's own JSON-RPC: datasets with a lineage, a model, one finalized round with rewards, a
 * revoked dataset whose descendant taints a submitted update, a second round left open and a
 * governance proposal open for votes.
 */
final class DevnetDemo {
  static final String MODEL = "chest-xray-classifier";
  static final BigInteger TOKEN = BigInteger.TEN.pow(18);
  private static final BigInteger GRANT_ROLE = BigInteger.valueOf(3);
  private static final BigInteger FOR = BigInteger.ONE;

  private final String rpcUrl;

  DevnetDemo(String rpcUrl) {
    this.rpcUrl = rpcUrl;
  }

  /** Runs the scenario and returns lines describing what it created. */
  List<String> seed() {
    byte[] model = id(MODEL);
    byte[] xrays = id("st-mary-hospital/chest-xrays-2025");
    byte[] scans = id("northwind-lab/thorax-scans-v3");
    byte[] raw = id("city-clinic/raw-export-2024");
    byte[] curated = id("city-clinic/curated-2025");
    long head;
    try (LedgerClient reader = LedgerClient.connect(rpcUrl, Optional.empty())) {
      head = reader.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the devnet did not answer: " + e.getMessage(), e);
    }
    phase(
        as(
            2,
            p -> attest(p, xrays, "ipfs://demo/st-mary/chest-xrays-2025", List.of()),
            NativeAddresses.DATA_PROVENANCE),
        as(
            3,
            p -> attest(p, scans, "ipfs://demo/northwind/thorax-scans-v3", List.of()),
            NativeAddresses.DATA_PROVENANCE),
        as(
            4,
            p -> attest(p, raw, "ipfs://demo/city-clinic/raw-export-2024", List.of()),
            NativeAddresses.DATA_PROVENANCE),
        as(
            0,
            p ->
                registry(p)
                    .registerModel(
                        model,
                        "ipfs://demo/models/chest-xray-classifier",
                        DevAccounts.account(1).address().toHexString())
                    .encodeFunctionCall(),
            NativeAddresses.MODEL_REGISTRY));
    phase(
        as(
            4,
            p -> attest(p, curated, "ipfs://demo/city-clinic/curated-2025", List.of(raw)),
            NativeAddresses.DATA_PROVENANCE),
        as(
            5,
            p -> provenance(p).endorse(xrays).encodeFunctionCall(),
            NativeAddresses.DATA_PROVENANCE),
        as(
            1,
            p ->
                registry(p)
                    .openRound(
                        model,
                        BigInteger.ONE,
                        id("base model v0"),
                        TOKEN.multiply(BigInteger.valueOf(900)),
                        BigInteger.valueOf(head + 60))
                    .encodeFunctionCall(),
            NativeAddresses.MODEL_REGISTRY));
    phase(
        as(
            2,
            p -> submit(p, model, "update from st-mary", xrays, 1200),
            NativeAddresses.MODEL_REGISTRY),
        as(
            3,
            p -> submit(p, model, "update from northwind", scans, 800),
            NativeAddresses.MODEL_REGISTRY),
        as(
            4,
            p -> submit(p, model, "update from city-clinic", curated, 500),
            NativeAddresses.MODEL_REGISTRY));
    phase(
        as(
            1,
            p ->
                registry(p)
                    .finalizeRound(
                        model,
                        BigInteger.ONE,
                        id("aggregate v1"),
                        List.of(
                            DevAccounts.account(2).address().toHexString(),
                            DevAccounts.account(3).address().toHexString(),
                            DevAccounts.account(4).address().toHexString()),
                        List.of(
                            BigInteger.valueOf(1200),
                            BigInteger.valueOf(800),
                            BigInteger.valueOf(500)))
                    .encodeFunctionCall(),
            NativeAddresses.MODEL_REGISTRY));
    phase(
        as(
            5,
            p ->
                provenance(p)
                    .revoke(raw, id("consent withdrawn by the data subjects"))
                    .encodeFunctionCall(),
            NativeAddresses.DATA_PROVENANCE),
        as(
            1,
            p ->
                registry(p)
                    .openRound(
                        model,
                        BigInteger.TWO,
                        id("aggregate v1"),
                        TOKEN.multiply(BigInteger.valueOf(1000)),
                        BigInteger.valueOf(head + 600))
                    .encodeFunctionCall(),
            NativeAddresses.MODEL_REGISTRY),
        as(
            0,
            p ->
                governor(p)
                    .propose(
                        GRANT_ROLE,
                        grantContributor(DevAccounts.account(6).address()),
                        "Let holder-one contribute training updates")
                    .encodeFunctionCall(),
            NativeAddresses.QUADRATIC_GOVERNOR));
    // voting opens one block after the proposal; the quadratic weights of acme-ai (held at the
    // cap) and holder-one together meet the quorum, so the proposal passes unless outvoted
    phase(
        as(
            0,
            p -> governor(p).castVote(BigInteger.ONE, FOR).encodeFunctionCall(),
            NativeAddresses.QUADRATIC_GOVERNOR),
        as(
            6,
            p -> governor(p).castVote(BigInteger.ONE, FOR).encodeFunctionCall(),
            NativeAddresses.QUADRATIC_GOVERNOR));
    return List.of(
        "model "
            + MODEL
            + " ("
            + hex(model)
            + "): round 1 finalized, 900 ACT shared 1200:800:500; round 2 open",
        "datasets: st-mary (endorsed), northwind, city-clinic raw (revoked) -> curated (tainted)",
        "the city-clinic update of round 1 cites the tainted dataset and is flagged",
        "governance proposal 1 (grant CONTRIBUTOR to account 6): voting for 30 blocks, acme-ai and holder-one voted for;",
        "  follow it with: ailedger gov show --proposal 1   then: ailedger gov execute --key dev:9 --proposal 1");
  }

  /** One transaction by dev account {@code account}: its call data and target. */
  private record Step(int account, Function<LedgerClient, String> data, Address to) {}

  private static Step as(int account, Function<LedgerClient, String> data, Address to) {
    return new Step(account, data, to);
  }

  /** Sends the steps concurrently (different senders) and waits for every receipt. */
  private void phase(Step... steps) {
    ExecutorService pool = Executors.newFixedThreadPool(steps.length);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (Step step : steps) {
        sent.add(
            pool.submit(
                () -> {
                  try (LedgerClient client =
                      LedgerClient.connect(
                          rpcUrl, Optional.of(DevAccounts.account(step.account())))) {
                    client.send(step.to(), step.data().apply(client));
                  }
                }));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(
          "seeding the devnet demo failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding the devnet demo", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String attest(
      LedgerClient client, byte[] dataset, String uri, List<byte[]> parents) {
    return provenance(client)
        .attest(
            dataset, Keccak.hash(uri.getBytes(StandardCharsets.UTF_8)), uri, "CC-BY-4.0", parents)
        .encodeFunctionCall();
  }

  private static String submit(
      LedgerClient client, byte[] model, String update, byte[] dataset, long samples) {
    return registry(client)
        .submitUpdate(
            model,
            BigInteger.ONE,
            id(update),
            List.of(dataset),
            BigInteger.valueOf(samples),
            id("metrics of " + update))
        .encodeFunctionCall();
  }

  private static ModelRegistry registry(LedgerClient client) {
    return ModelRegistry.load(
        NativeAddresses.MODEL_REGISTRY.toHexString(),
        client.web3j(),
        client.reader(),
        new DefaultGasProvider());
  }

  private static DataProvenance provenance(LedgerClient client) {
    return DataProvenance.load(
        NativeAddresses.DATA_PROVENANCE.toHexString(),
        client.web3j(),
        client.reader(),
        new DefaultGasProvider());
  }

  private static QuadraticGovernor governor(LedgerClient client) {
    return QuadraticGovernor.load(
        NativeAddresses.QUADRATIC_GOVERNOR.toHexString(),
        client.web3j(),
        client.reader(),
        new DefaultGasProvider());
  }

  /** The GrantRole payload: abi.encode(keccak256("CONTRIBUTOR"), account). */
  private static byte[] grantContributor(Address account) {
    return org.apache.tuweni.bytes.Bytes.fromHexString(
            FunctionEncoder.encodeConstructor(
                List.of(
                    new org.web3j.abi.datatypes.generated.Bytes32(id("CONTRIBUTOR")),
                    new org.web3j.abi.datatypes.Address(account.toHexString()))))
        .toArrayUnsafe();
  }

  /** The demo's ids: keccak256 of a readable name, as the CLI derives them. */
  static byte[] id(String name) {
    return Keccak.hash(name.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    return org.apache.tuweni.bytes.Bytes.wrap(bytes).toHexString();
  }
}

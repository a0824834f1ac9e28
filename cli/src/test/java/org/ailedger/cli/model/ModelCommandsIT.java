package org.ailedger.cli.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.ailedger.cli.InProcessDevnet;
import org.ailedger.cli.InProcessDevnet.Result;
import org.ailedger.node.genesis.DevAccounts;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

class ModelCommandsIT {
  @TempDir static Path dir;
  private static InProcessDevnet devnet;

  @BeforeAll
  static void start() {
    devnet = new InProcessDevnet(dir.resolve("node"));
  }

  @AfterAll
  static void stop() {
    devnet.close();
  }

  @Test
  void aFullRoundRewardsAcceptedContributorsAndFlagsUpdatesOfARevokedDataset() throws IOException {
    Path base = file("base.bin", 10_000);
    Path[] updates = {
      file("update-2.bin", 300_000), file("update-3.bin", 70_000), file("update-4.bin", 1)
    };
    Path aggregate = file("aggregate.bin", 5_000);
    Path metrics = Files.writeString(dir.resolve("metrics.json"), "{\"accuracy\":0.91}");

    List<Result> setup =
        devnet.parallel(
            args(
                "model",
                "register",
                "--key",
                "dev:0",
                "--model",
                "mnist-cnn",
                "--aggregator",
                "dev:1",
                "--metadata-uri",
                "ipfs://models/mnist-cnn",
                "--json"),
            args(
                "dataset",
                "attest",
                "--key",
                "dev:2",
                "--dataset",
                "ds-a",
                "--content-file",
                file("a.csv", 1_000).toString(),
                "--uri",
                "s3://a",
                "--license",
                "CC-BY-4.0",
                "--json"),
            args(
                "dataset",
                "attest",
                "--key",
                "dev:3",
                "--dataset",
                "ds-b",
                "--content-hash",
                "0x" + "bb".repeat(32),
                "--json"));
    JsonNode registered = setup.get(0).json();
    setup.forEach(Result::ok);
    String modelId = hex(Hash.sha3("mnist-cnn".getBytes(StandardCharsets.UTF_8)));
    assertThat(registered.get("modelId").asText()).isEqualTo(modelId);
    assertThat(registered.get("modelIdSource").asText()).isEqualTo("keccak256(\"mnist-cnn\")");
    assertThat(registered.get("events").get(0).get("event").asText()).isEqualTo("ModelRegistered");
    assertThat(registered.get("events").get(0).get("aggregator").asText()).isEqualTo(address(1));

    List<Result> opening =
        devnet.parallel(
            args(
                "model",
                "open-round",
                "--key",
                "dev:1",
                "--model",
                "mnist-cnn",
                "--base-model-file",
                base.toString(),
                "--reward",
                "100",
                "--open-for",
                "120",
                "--json"),
            args(
                "dataset",
                "attest",
                "--key",
                "dev:4",
                "--dataset",
                "ds-child",
                "--content-hash",
                "0x" + "cc".repeat(32),
                "--parent",
                "ds-a",
                "--json"));
    JsonNode opened = opening.get(0).json();
    opening.get(1).ok();
    assertThat(opened.get("round").asLong()).isEqualTo(1);
    assertThat(opened.get("baseModelHash").asText()).isEqualTo(keccak(base));
    assertThat(opened.get("rewardPool").asText()).isEqualTo("100");

    List<Result> submitted =
        devnet.parallel(
            submit(2, updates[0], "ds-a", "300", metrics),
            submit(3, updates[1], "ds-b", "100", metrics),
            submit(4, updates[2], "ds-child", "50", metrics));
    for (int i = 0; i < 3; i++) {
      JsonNode json = submitted.get(i).json();
      assertThat(json.get("round").asLong()).as("the round defaults to the latest").isEqualTo(1);
      assertThat(json.get("updateHash").asText())
          .as("the file is hashed for the user")
          .isEqualTo(keccak(updates[i]));
      assertThat(json.get("metricsHash").asText()).isEqualTo(keccak(metrics));
      assertThat(eventNames(json)).containsExactly("UpdateSubmitted", "UpdateDatasets");
    }

    List<Result> refused =
        devnet.parallel(
            submit(2, updates[0], "ds-a", "300", metrics),
            args(
                "model",
                "finalize",
                "--key",
                "dev:0",
                "--model",
                "mnist-cnn",
                "--aggregate-file",
                aggregate.toString(),
                "--accept",
                "dev:2"));
    assertThat(refused.get(0).exit()).isEqualTo(1);
    assertThat(refused.get(0).err())
        .startsWith("error: contributor " + address(2) + " already submitted an update to round 1");
    assertThat(refused.get(1).exit()).isEqualTo(1);
    assertThat(refused.get(1).err())
        .startsWith("error: caller " + address(0) + " is not the aggregator of model " + modelId);

    JsonNode finalized =
        devnet
            .run(
                "model",
                "finalize",
                "--key",
                "dev:1",
                "--model",
                "mnist-cnn",
                "--aggregate-file",
                aggregate.toString(),
                "--accept",
                "dev:2=3",
                "--accept",
                address(3) + "=1",
                "--json")
            .json();
    assertThat(finalized.get("aggregateHash").asText()).isEqualTo(keccak(aggregate));
    assertThat(eventNames(finalized))
        .contains("ContributionRewarded", "ReputationChanged", "Transfer")
        .endsWith("RoundFinalized");
    assertThat(events(finalized, "ReputationChanged"))
        .extracting(e -> e.get("delta").asLong())
        .containsExactlyInAnyOrder(1L, 1L, -1L);
    assertThat(events(finalized, "ContributionRewarded"))
        .extracting(e -> e.get("reward").asText())
        .containsExactly("75", "25");

    List<Result> balances =
        devnet.parallel(
            args("token", "balance", "--account", "dev:2", "--json"),
            args("token", "balance", "--account", "dev:3", "--json"),
            args("token", "balance", "--account", "dev:4", "--json"));
    assertThat(balances)
        .extracting(b -> b.json().get("balance").asText())
        .containsExactly("75", "25", "0");

    JsonNode shown = devnet.run("model", "show", "--model", modelId, "--json").json();
    assertThat(shown.get("owner").asText()).isEqualTo(address(0));
    assertThat(shown.get("aggregator").asText()).isEqualTo(address(1));
    assertThat(shown.get("latestRound").asLong()).isEqualTo(1);
    JsonNode round = shown.get("rounds").get(0);
    assertThat(round.get("status").asText()).isEqualTo("finalized");
    assertThat(round.get("acceptingUpdates").asBoolean()).isFalse();
    assertThat(round.get("submissions").asLong()).isEqualTo(3);
    assertThat(round.get("accepted").asLong()).isEqualTo(2);
    assertThat(round.get("minted").asText()).isEqualTo("100");
    assertThat(round.get("aggregateHash").asText()).isEqualTo(keccak(aggregate));
    JsonNode updateList = round.get("updates");
    assertThat(updateList)
        .extracting(u -> u.get("contributor").asText())
        .containsExactlyInAnyOrder(address(2), address(3), address(4));
    JsonNode first = update(updateList, 2);
    assertThat(first.get("status").asText()).isEqualTo("accepted");
    assertThat(first.get("reward").asText()).isEqualTo("75");
    assertThat(first.get("reputation").asLong()).isEqualTo(1);
    assertThat(first.get("updateHash").asText()).isEqualTo(keccak(updates[0]));
    assertThat(first.get("sampleCount").asLong()).isEqualTo(300);
    assertThat(first.get("tainted").asBoolean()).isFalse();
    JsonNode rejected = update(updateList, 4);
    assertThat(rejected.get("status").asText()).isEqualTo("rejected");
    assertThat(rejected.get("reward").asText()).isEqualTo("0");
    assertThat(rejected.get("reputation").asLong()).isEqualTo(-1);

    devnet
        .run("dataset", "revoke", "--key", "dev:2", "--dataset", "ds-a", "--reason", "label leak")
        .ok();

    JsonNode afterRevoke =
        devnet.run("model", "show", "--model", "mnist-cnn", "--round", "1", "--json").json();
    JsonNode flagged = afterRevoke.get("rounds").get(0).get("updates");
    assertThat(update(flagged, 2).get("tainted").asBoolean())
        .as("cites the revoked dataset")
        .isTrue();
    assertThat(update(flagged, 4).get("tainted").asBoolean()).as("cites a child of it").isTrue();
    assertThat(update(flagged, 3).get("tainted").asBoolean()).isFalse();
    JsonNode one =
        devnet
            .run("model", "show", "--model", "mnist-cnn", "--contributor", "dev:4", "--json")
            .json();
    assertThat(one.get("contributor").get("reputation").asLong()).isEqualTo(-1);
    assertThat(one.get("rounds").get(0).get("updates"))
        .singleElement()
        .satisfies(u -> assertThat(u.get("tainted").asBoolean()).isTrue());

    Result text = devnet.run("model", "show", "--model", "mnist-cnn").ok();
    assertThat(text.out())
        .contains("model id:", modelId, "status:", "finalized", "tainted:", "true");
  }

  /** Load-test contributors (dev:10, dev:11), so the balances of the full round stay its own. */
  @Test
  void acceptAllWeighsSubmittersBySampleCount() {
    devnet
        .run("model", "register", "--key", "dev:0", "--model", "fedavg", "--aggregator", "dev:1")
        .ok();
    devnet
        .run(
            "model",
            "open-round",
            "--key",
            "dev:1",
            "--model",
            "fedavg",
            "--base-model-hash",
            "0x" + "01".repeat(32),
            "--reward",
            "10")
        .ok();
    devnet
        .parallel(
            args(
                "model",
                "submit",
                "--key",
                "dev:10",
                "--model",
                "fedavg",
                "--update-hash",
                "0x" + "02".repeat(32),
                "--samples",
                "3"),
            args(
                "model",
                "submit",
                "--key",
                "dev:11",
                "--model",
                "fedavg",
                "--update-hash",
                "0x" + "03".repeat(32),
                "--samples",
                "1"))
        .forEach(Result::ok);

    JsonNode finalized =
        devnet
            .run(
                "model",
                "finalize",
                "--key",
                "dev:1",
                "--model",
                "fedavg",
                "--aggregate-hash",
                "0x" + "04".repeat(32),
                "--accept-all",
                "--json")
            .json();

    assertThat(finalized.get("accepted"))
        .extracting(a -> a.get("weight").asText())
        .containsExactly("3", "1");
    assertThat(events(finalized, "ContributionRewarded"))
        .extracting(e -> e.get("reward").asText())
        .containsExactly("7.5", "2.5");
  }

  @Test
  void anUnregisteredModelIsNamedInTheError() {
    Result missing = devnet.run("model", "show", "--model", "no-such-model");

    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err())
        .contains("is not registered")
        .contains("keccak256(\"no-such-model\")");
  }

  private static String[] submit(
      int account, Path update, String dataset, String samples, Path metrics) {
    return args(
        "model",
        "submit",
        "--key",
        "dev:" + account,
        "--model",
        "mnist-cnn",
        "--update-file",
        update.toString(),
        "--dataset",
        dataset,
        "--samples",
        samples,
        "--metrics-file",
        metrics.toString(),
        "--json");
  }

  private static String[] args(String... args) {
    return args;
  }

  private static JsonNode update(JsonNode updates, int account) {
    return StreamSupport.stream(updates.spliterator(), false)
        .filter(u -> u.get("contributor").asText().equals(address(account)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no update of dev:" + account + " in " + updates));
  }

  private static List<String> eventNames(JsonNode result) {
    List<String> names = new ArrayList<>();
    result.get("events").forEach(e -> names.add(e.get("event").asText()));
    return names;
  }

  private static List<JsonNode> events(JsonNode result, String name) {
    return StreamSupport.stream(result.get("events").spliterator(), false)
        .filter(e -> e.get("event").asText().equals(name))
        .toList();
  }

  private static Path file(String name, int size) throws IOException {
    byte[] bytes = new byte[size];
    new Random(name.hashCode()).nextBytes(bytes);
    return Files.write(dir.resolve(name), bytes);
  }

  /** keccak256 of a whole file, computed independently of the CLI's streaming hash. */
  private static String keccak(Path file) throws IOException {
    return hex(Hash.sha3(Files.readAllBytes(file)));
  }

  private static String hex(byte[] bytes) {
    return Bytes.wrap(bytes).toHexString();
  }

  private static String address(int devAccount) {
    return DevAccounts.account(devAccount).address().toHexString();
  }
}

package org.ailedger.cli.gov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.ailedger.chaincode.bindings.Permissions;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.cli.InProcessDevnet;
import org.ailedger.cli.InProcessDevnet.Result;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.precompiles.NativeAddresses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * The governance commands against a one-validator devnet: 1 s blocks, votingDelay 1, votingPeriod
 * 30, timelockBlocks 2, quorumBps 2000, capBps 1000, and genesis tokens of 100 000 (acme-ai,
 * account 0), 10 000 (holder-one, 6), 4 000 + 5 000 (holder-two, 7 and 8) and 2 500 (holder-three,
 * 9). No test here moves tokens, so those balances hold throughout.
 */
class GovCommandsIT {
  private static final BigInteger TOKEN = BigInteger.TEN.pow(18);
  private static final Duration PROPOSAL_LIFETIME_BOUND = Duration.ofSeconds(90);

  @TempDir static Path dir;
  private static InProcessDevnet devnet;
  private static Web3j web3j;

  @BeforeAll
  static void start() {
    devnet = new InProcessDevnet(dir.resolve("node"));
    web3j = Web3j.build(new HttpService(devnet.rpcUrl()));
  }

  @AfterAll
  static void stop() {
    web3j.shutdown();
    devnet.close();
  }

  @Test
  void aGrantRoleProposalPassesWithCappedQuadraticWeightsAndIsExecuted() throws Exception {
    byte[] contributor = Hash.sha3("CONTRIBUTOR".getBytes(StandardCharsets.US_ASCII));
    assertThat(permissions().hasRole(contributor, address(6)).send()).isFalse();

    JsonNode proposed =
        devnet
            .run(
                "gov",
                "propose",
                "--key",
                "dev:0",
                "--kind",
                "grant-role",
                "--role",
                "CONTRIBUTOR",
                "--account",
                "dev:6",
                "--description",
                "holder-one trains with us now",
                "--json")
            .json();
    long id = proposed.get("proposalId").asLong();
    long block = proposed.get("block").asLong();
    assertThat(proposed.get("action").get("kind").asText()).isEqualTo("GrantRole");
    assertThat(proposed.get("action").get("role").asText()).isEqualTo("CONTRIBUTOR");
    assertThat(proposed.get("action").get("roleId").asText()).isEqualTo(hex(contributor));
    assertThat(proposed.get("action").get("account").asText()).isEqualTo(address(6));
    assertThat(proposed.get("member").asText()).isEqualTo("acme-ai");
    assertThat(proposed.get("snapshotBlock").asLong()).isEqualTo(block - 1);
    assertThat(proposed.get("voteStart").asLong()).isEqualTo(block + 1);
    assertThat(proposed.get("voteEnd").asLong()).isEqualTo(block + 31);
    assertThat(proposed.get("eta").asLong()).isEqualTo(block + 33);
    assertThat(eventNames(proposed)).containsExactly("ProposalCreated", "ProposalTerms");
    BigInteger quadraticTotal =
        isqrt(100_000).add(isqrt(10_000)).add(isqrt(9_000)).add(isqrt(2_500));
    BigInteger cap = quadraticTotal.divide(BigInteger.TEN);
    assertThat(proposed.get("quadraticTotal").asText()).isEqualTo(quadraticTotal.toString());
    assertThat(proposed.get("cap").asText()).isEqualTo(cap.toString());
    assertThat(proposed.get("quorum").asText())
        .isEqualTo(quadraticTotal.divide(BigInteger.valueOf(5)).toString());

    List<Result> votes =
        devnet.parallel(
            args(
                "gov",
                "vote",
                "--key",
                "dev:0",
                "--proposal",
                Long.toString(id),
                "--support",
                "for",
                "--json"),
            args(
                "gov",
                "vote",
                "--key",
                "dev:7",
                "--proposal",
                Long.toString(id),
                "--support",
                "against",
                "--json"),
            args(
                "gov",
                "vote",
                "--key",
                "dev:9",
                "--proposal",
                Long.toString(id),
                "--support",
                "for"));
    JsonNode whale = votes.get(0).json();
    assertThat(whale.get("member").asText()).isEqualTo("acme-ai");
    assertThat(whale.get("rawBalance").asText()).isEqualTo("100000");
    assertThat(whale.get("rawBalanceBaseUnits").asText()).isEqualTo(tokens(100_000).toString());
    assertThat(whale.get("squareRoot").asText()).isEqualTo(isqrt(100_000).toString());
    assertThat(whale.get("cap").asText()).isEqualTo(cap.toString());
    assertThat(whale.get("weight").asText())
        .as("the whale is held at the cap")
        .isEqualTo(cap.toString());
    assertThat(whale.get("heldAtCap").asBoolean()).isTrue();
    assertThat(whale.get("recordedWeight").asText()).isEqualTo(cap.toString());
    assertThat(whale.get("matchesPreview").asBoolean()).isTrue();
    assertThat(events(whale, "VoteCast"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("support").asText()).isEqualTo("for");
              assertThat(e.get("weight").asText()).isEqualTo(cap.toString());
            });
    JsonNode holderTwo = votes.get(1).json();
    assertThat(holderTwo.get("member").asText()).isEqualTo("holder-two");
    assertThat(holderTwo.get("rawBalance").asText())
        .as("both accounts of the member count")
        .isEqualTo("9000");
    assertThat(holderTwo.get("recordedWeight").asText()).isEqualTo(cap.toString());
    Result small = votes.get(2).ok();
    assertThat(small.out())
        .contains(
            "member:",
            "holder-three",
            "raw balance:",
            "2500",
            "square root:",
            isqrt(2_500).toString(),
            "cap:",
            cap.toString(),
            "weight:",
            "held at cap:",
            "false",
            "recorded weight:",
            "VoteCast");

    Result twice =
        devnet.run(
            "gov", "vote", "--key", "dev:8", "--proposal", Long.toString(id), "--support", "for");
    assertThat(twice.exit()).isEqualTo(1);
    assertThat(twice.err())
        .startsWith("error: member ")
        .contains("already voted on proposal " + id + " with account " + address(7))
        .contains("is holder-two)");

    JsonNode active = devnet.run("gov", "show", "--proposal", Long.toString(id), "--json").json();
    BigInteger forVotes = cap.add(isqrt(2_500));
    assertThat(active.get("state").asText()).isEqualTo("Active");
    assertThat(active.get("votes").get("for").asText()).isEqualTo(forVotes.toString());
    assertThat(active.get("votes").get("against").asText()).isEqualTo(cap.toString());
    assertThat(active.get("votes").get("abstain").asText()).isEqualTo("0");
    assertThat(active.get("quorumMet").asBoolean()).isTrue();
    assertThat(active.get("nextState").asText()).isEqualTo("Queued");
    assertThat(active.get("nextStateAtBlock").asLong()).isEqualTo(block + 32);
    assertThat(active.get("blocksUntilNextState").asLong())
        .isEqualTo(block + 32 - (active.get("head").asLong() + 1));
    assertThat(active.get("ballots"))
        .extracting(b -> b.get("member").asText() + "=" + b.get("support").asText())
        .containsExactlyInAnyOrder("acme-ai=for", "holder-two=against", "holder-three=for");
    assertThat(devnet.run("gov", "show", "--proposal", Long.toString(id)).ok().out())
        .contains(
            "state:",
            "Active",
            "summary:",
            "grant CONTRIBUTOR to " + address(6),
            "quorum met:",
            "true");

    Result early = devnet.run("gov", "execute", "--key", "dev:5", "--proposal", Long.toString(id));
    assertThat(early.exit()).isEqualTo(1);
    assertThat(early.err()).contains("proposal " + id + " is still active");

    JsonNode succeeded = awaitState(id, "Succeeded");
    assertThat(succeeded.get("nextState").asText()).isEqualTo("Expired");

    JsonNode executed =
        devnet
            .run("gov", "execute", "--key", "dev:5", "--proposal", Long.toString(id), "--json")
            .json();
    assertThat(eventNames(executed)).containsExactly("RoleGranted", "ProposalExecuted");
    assertThat(events(executed, "RoleGranted"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("role").asText()).isEqualTo("CONTRIBUTOR");
              assertThat(e.get("account").asText()).isEqualTo(address(6));
            });
    assertThat(permissions().hasRole(contributor, address(6)).send()).isTrue();
    JsonNode done = devnet.run("gov", "show", "--proposal", Long.toString(id), "--json").json();
    assertThat(done.get("state").asText()).isEqualTo("Executed");
    assertThat(done.get("nextState").isNull()).isTrue();
    Result again = devnet.run("gov", "execute", "--key", "dev:5", "--proposal", Long.toString(id));
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("proposal " + id + " was already executed");
  }

  @Test
  void powerShowsItsStepsAndAgreesWithTheGovernorsVotingPower() throws Exception {
    JsonNode capped = devnet.run("gov", "power", "--account", "dev:8", "--json").json();
    long block = capped.get("block").asLong();
    BigInteger quadraticTotal = new BigInteger(capped.get("quadraticTotal").asText());
    BigInteger cap = quadraticTotal.divide(BigInteger.TEN);
    assertThat(capped.get("member").asText()).isEqualTo("holder-two");
    assertThat(capped.get("rawBalance").asText()).isEqualTo("9000");
    assertThat(capped.get("squareRoot").asText()).isEqualTo(isqrt(9_000).toString());
    assertThat(capped.get("capBps").asText()).isEqualTo("1000");
    assertThat(capped.get("cap").asText()).isEqualTo(cap.toString());
    assertThat(capped.get("weight").asText()).isEqualTo(cap.toString());
    assertThat(capped.get("votingPower").asText())
        .isEqualTo(governor().votingPower(address(8), BigInteger.valueOf(block)).send().toString());
    assertThat(capped.get("agrees").asBoolean()).isTrue();

    JsonNode uncapped =
        devnet
            .run("gov", "power", "--account", "dev:9", "--block", Long.toString(block), "--json")
            .json();
    assertThat(uncapped.get("heldAtCap").asBoolean()).isFalse();
    assertThat(uncapped.get("votingPower").asText())
        .isEqualTo(isqrt(2_500).toString())
        .isEqualTo(governor().votingPower(address(9), BigInteger.valueOf(block)).send().toString());

    JsonNode stranger =
        devnet
            .run(
                "gov", "power", "--account", "0x00000000000000000000000000000000000000aa", "--json")
            .json();
    assertThat(stranger.get("member").isNull()).isTrue();
    assertThat(stranger.get("votingPower").asText()).isEqualTo("0");
    assertThat(stranger.get("agrees").asBoolean()).isTrue();

    Result text = devnet.run("gov", "power", "--key", "dev:0").ok();
    assertThat(text.out())
        .contains("member:", "acme-ai", "square root:", "voting power:", "agrees:", "true");

    Result future = devnet.run("gov", "power", "--account", "dev:0", "--block", "1000000");
    assertThat(future.exit()).isEqualTo(1);
    assertThat(future.err()).contains("block 1000000 is not mined yet");
  }

  @Test
  void aParameterProposalIsListedAndDecodedAndCannotBeCanceledOnceVotingOpened() {
    JsonNode proposed =
        devnet
            .run(
                "gov",
                "propose",
                "--key",
                "dev:6",
                "--kind",
                "set-parameter",
                "--name",
                "maxRewardPerRound",
                "--value",
                "500.5",
                "--description",
                "smaller rounds",
                "--json")
            .json();
    long id = proposed.get("proposalId").asLong();
    JsonNode action = proposed.get("action");
    assertThat(action.get("parameter").asText()).isEqualTo("maxRewardPerRound");
    assertThat(action.get("value").asText()).isEqualTo("500.5");
    assertThat(action.get("unit").asText()).isEqualTo("ACT");
    assertThat(events(proposed, "ProposalCreated"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.get("payload").asText())
                    .isEqualTo(
                        hex(ascii32("maxRewardPerRound"))
                            + String.format("%064x", tokens(1001).divide(BigInteger.TWO))));

    JsonNode listed = devnet.run("gov", "show", "--json").json();
    assertThat(listed.get("proposalCount").asLong()).isGreaterThanOrEqualTo(id);
    assertThat(listed.get("proposals").get(0).get("proposalId").asLong())
        .as("newest first")
        .isEqualTo(id);
    assertThat(listed.get("proposals").get(0).get("action").asText())
        .isEqualTo("set maxRewardPerRound to 500.5 ACT");
    assertThat(listed.get("proposals").get(0).get("member").asText()).isEqualTo("holder-one");
    assertThat(devnet.run("gov", "show").ok().out())
        .contains("#" + id, "set maxRewardPerRound to 500.5 ACT", "\"smaller rounds\"");

    Result notProposer =
        devnet.run("gov", "cancel", "--key", "dev:0", "--proposal", Long.toString(id));
    assertThat(notProposer.exit()).isEqualTo(1);
    assertThat(notProposer.err())
        .contains("only the proposer " + address(6) + " may cancel proposal " + id);
    // votingDelay is 1 block: voting opens in the block after the proposal's, before a cancel can
    // land
    Result late = devnet.run("gov", "cancel", "--key", "dev:6", "--proposal", Long.toString(id));
    assertThat(late.exit()).isEqualTo(1);
    assertThat(late.err()).contains("can only be canceled while pending");

    Result missing = devnet.run("gov", "show", "--proposal", "9999");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("proposal 9999 does not exist");
  }

  @Test
  void proposalsTheContractRefusesAreReportedWithItsReason() {
    Result outOfBounds =
        devnet.run(
            "gov",
            "propose",
            "--key",
            "dev:0",
            "--kind",
            "set-parameter",
            "--name",
            "capBps",
            "--value",
            "0");
    assertThat(outOfBounds.exit()).isEqualTo(1);
    assertThat(outOfBounds.err()).contains("capBps must be between 1 and 10000, got 0");

    Result noTokens =
        devnet.run("gov", "propose", "--key", "dev:2", "--kind", "add-node", "--node", "dev:11");
    assertThat(noTokens.exit()).isEqualTo(1);
    assertThat(noTokens.err()).contains("below the proposal threshold");
  }

  /**
   * Polls {@code gov show} until the proposal reaches {@code state}; bounded by the proposal's
   * schedule.
   */
  private static JsonNode awaitState(long id, String state) throws InterruptedException {
    long deadline = System.nanoTime() + PROPOSAL_LIFETIME_BOUND.toNanos();
    while (true) {
      JsonNode shown = devnet.run("gov", "show", "--proposal", Long.toString(id), "--json").json();
      if (shown.get("state").asText().equals(state)) {
        return shown;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "proposal "
                + id
                + " did not reach "
                + state
                + " within "
                + PROPOSAL_LIFETIME_BOUND
                + "; it is "
                + shown);
      }
      Thread.sleep(250);
    }
  }

  private static Permissions permissions() {
    return Permissions.load(NativeAddresses.PERMISSIONS.toHexString(), web3j, reader(), noGas());
  }

  private static QuadraticGovernor governor() {
    QuadraticGovernor governor =
        QuadraticGovernor.load(
            NativeAddresses.QUADRATIC_GOVERNOR.toHexString(), web3j, reader(), noGas());
    governor.setDefaultBlockParameter(DefaultBlockParameterName.LATEST);
    return governor;
  }

  private static ReadonlyTransactionManager reader() {
    return new ReadonlyTransactionManager(web3j, address(0));
  }

  private static StaticGasProvider noGas() {
    return new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);
  }

  private static BigInteger tokens(long whole) {
    return BigInteger.valueOf(whole).multiply(TOKEN);
  }

  private static BigInteger isqrt(long wholeTokens) {
    return tokens(wholeTokens).sqrt();
  }

  private static byte[] ascii32(String name) {
    byte[] word = new byte[32];
    byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(ascii, 0, word, 0, ascii.length);
    return word;
  }

  private static String[] args(String... args) {
    return args;
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

  private static String hex(byte[] bytes) {
    return org.apache.tuweni.bytes.Bytes.wrap(bytes).toHexString();
  }

  private static String address(int devAccount) {
    return DevAccounts.account(devAccount).address().toHexString();
  }
}

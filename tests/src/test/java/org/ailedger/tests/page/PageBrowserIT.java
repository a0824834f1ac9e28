package org.ailedger.tests.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.NodeScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The indexer's page in a real browser: Debian's chromium, driven by playwright-core from {@code
 * tests/scripts/page-browser.mjs}, against {@code ailedger devnet} with its demo, as a visitor
 * without a wallet at desktop and phone width. The script checks each screen against the indexer's
 * own REST answers and fails on any console error, failed request or request to another origin;
 * this test checks what it reports and keeps its screenshots. Then the same script injects two test
 * wallets (EIP-6963, keys held by the script) and carries two proposals of two kinds (grant a role,
 * set a parameter) through the page from creation to execution, fails on the way with a rejection,
 * each provider error of EIP-1193 and a vote mined but reverted, and cancels a third proposal,
 * checking the chain and the indexer against the page at each step.
 */
class PageBrowserIT {
  @RegisterExtension static final DevnetNode DEVNET = DevnetNode.devnetCommand("page-browser");

  /** The demo's last line: everything before it has committed. */
  private static final String DEMO_DONE = "ailedger gov execute";

  private static final String CHROMIUM_PROPERTY = "ailedger.chromium";
  private static final String SCREENSHOTS_PROPERTY = "ailedger.screenshots.dir";
  // the wallet part waits out a 30-block voting period and the timelock at a block a second
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(8);
  private static final List<String> STATES_A_PASSED_PROPOSAL_SHOWS =
      List.of("active", "queued", "executable");

  private static JsonNode seen;
  private static Path screenshots;

  @BeforeAll
  static void browseThePage() throws Exception {
    DEVNET.node().awaitOutput(DEMO_DONE, Duration.ofSeconds(180));
    screenshots =
        Path.of(System.getProperty(SCREENSHOTS_PROPERTY, "target/screenshots")).toAbsolutePath();
    NodeScript script = NodeScript.named("page-browser.mjs", "playwright-core", "ethers");
    String output =
        script
            .run(
                Map.of(),
                SCRIPT_TIMEOUT,
                DEVNET.node().indexerUrl().toString(),
                chromium().toString(),
                screenshots.toString(),
                DEVNET.node().httpUrl().toString())
            .output();
    seen = new ObjectMapper().readTree(output);
  }

  @Test
  void theDemosProposalIsListedWithItsStateAndItsActionInPlainWords() {
    // the demo's two votes pass it; which of these it shows depends on the blocks since, and the
    // script held the badge to the state the indexer gave at that moment
    assertThat(seen.path("desktopBadge").asText()).isIn(STATES_A_PASSED_PROPOSAL_SHOWS);
    assertThat(seen.path("phoneBadge").asText()).isIn(STATES_A_PASSED_PROPOSAL_SHOWS);
    assertThat(seen.path("action").asText()).isEqualTo("grant CONTRIBUTOR to 0x976e…0aa9");
  }

  @Test
  void theProposalsPageShowsTheVotesOfBothMembers() {
    List<String> members = new ArrayList<>();
    seen.path("votes").forEach(m -> members.add(m.asText()));
    assertThat(members).containsExactly("acme-ai", "holder-one");
  }

  @Test
  void theModelsPageShowsItsRoundsNewestFirst() {
    List<Integer> rounds = new ArrayList<>();
    seen.path("rounds").forEach(r -> rounds.add(r.asInt()));
    assertThat(rounds).containsExactly(2, 1);
  }

  @Test
  void withoutAWalletThePageIsReadOnlyAndSaysHowToVote() {
    assertThat(seen.path("hint").asText()).contains("read-only", "install a browser wallet");
  }

  @Test
  void twoAnnouncedWalletsAreBothOffered() {
    List<String> offered = new ArrayList<>();
    seen.path("offered").forEach(w -> offered.add(w.asText()));
    assertThat(offered).containsExactlyInAnyOrder("Test Wallet A", "Test Wallet B");
  }

  @Test
  void aWalletOnTheWrongChainIsSwitchedAfterTheChainIsAdded() {
    List<String> switched = new ArrayList<>();
    seen.path("switched").forEach(c -> switched.add(c.asText()));
    // the first switch fails with 4902 (unknown chain), the page adds 0x539 and switches again
    assertThat(switched).containsExactly("0x539", "0x539");
    assertThat(seen.path("addedChain").path("chainId").asText()).isEqualTo("0x539");
    assertThat(seen.path("addedChain").path("chainName").asText()).isNotBlank();
    // the URL the devnet's indexer publishes: validator 0's, never one the page made up
    List<String> rpcUrls = new ArrayList<>();
    seen.path("addedChain").path("rpcUrls").forEach(u -> rpcUrls.add(u.asText()));
    assertThat(rpcUrls).containsExactly(DEVNET.node().httpUrl().toString());
  }

  @Test
  void aProposalMadeOnThePageIsVotedOnByTwoMembersAndExecuted() {
    assertThat(seen.path("proposal").path("id").asInt()).isGreaterThan(1);
    assertThat(seen.path("proposal").path("action").asText()).startsWith("grant AUDITOR to 0x");
    List<String> members = new ArrayList<>();
    seen.path("walletVotes").forEach(m -> members.add(m.asText()));
    assertThat(members).containsExactly("acme-ai", "holder-one");
    // the script held the page's "executed" to the chain's state() and the indexer's state
    assertThat(seen.path("executed").path("chain").asInt()).isEqualTo(7);
    assertThat(seen.path("executed").path("indexer").asText()).isEqualTo("executed");
  }

  @Test
  void aMemberAtTheCapSeesTheCappedPower() {
    JsonNode capped = seen.path("capped");
    assertThat(capped.path("power").asText()).isEqualTo(capped.path("cap").asText());
    assertThat(new BigInteger(capped.path("root").asText()))
        .isGreaterThan(new BigInteger(capped.path("power").asText()));
  }

  @Test
  void aRejectedSignatureIsShownAsCancelledAndThePageStaysUsable() {
    // the script voted successfully right after the rejection, with the same button
    assertThat(seen.path("rejected").asText()).startsWith("Cancelled");
  }

  @Test
  void aMemberWithoutTokensAtTheSnapshotIsToldWhyItsPowerIsZero() {
    assertThat(seen.path("zeroReason").asText()).contains("no tokens at the snapshot block");
  }

  @Test
  void theWalletsChainChangesAreFollowedAndDisconnectingOffersTheWalletsAgain() {
    // two switches while connecting, a third from the voting panel after chainChanged
    assertThat(seen.path("followedChain").asInt()).isEqualTo(3);
    assertThat(seen.path("disconnected").asBoolean()).isTrue();
  }

  @Test
  void aCallTheLedgerWouldRefuseIsExplainedByItsRevertReasonBeforeSigning() {
    assertThat(seen.path("refused").asText())
        .startsWith("The ledger refused it: ")
        .contains("below the proposal threshold")
        .doesNotContain("{");
  }

  @Test
  void theMainScreensAreKeptAsScreenshotsAtDesktopAndPhoneWidth() {
    for (String screen :
        List.of("proposals", "proposal", "model", "vote", "round", "dataset", "account")) {
      for (String width : List.of("desktop", "phone")) {
        assertThat(screenshots.resolve(screen + "-" + width + ".png")).isNotEmptyFile();
      }
    }
  }

  @Test
  void aRoundPageFlagsTheUpdatesCitingADatasetTaintedByARevocation() {
    // the demo's curated set is derived from the dataset it revokes; the script held every
    // update's flag and every citation's mark to the indexer's answer
    assertThat(seen.path("flaggedUpdates").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aDatasetsLineageIsAGraphWithItsRevokedParentAndItselfMarked() {
    JsonNode lineage = seen.path("lineage");
    assertThat(lineage.path("parents").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(lineage.path("revokedParents").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(lineage.path("tainted").asBoolean()).isTrue();
  }

  @Test
  void theRewardsChartShowsDaysFirstAndBlocksAtAClick() {
    // the devnet's history fits in a day or two; the script matched both to the indexer's buckets
    assertThat(seen.path("rewardDays").asInt()).isBetween(1, 2);
    assertThat(seen.path("rewardBlocks").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void eachProviderErrorOfTheWalletIsShownAsItsSentence() {
    JsonNode errors = seen.path("providerErrors");
    assertThat(errors.path("4100").asText()).contains("not allowed this page");
    assertThat(errors.path("4200").asText()).contains("does not support");
    assertThat(errors.path("4900").asText()).contains("disconnected from every chain");
    assertThat(errors.path("4901").asText()).contains("chain 1337");
  }

  @Test
  void aVoteMinedButRevertedIsExplainedByTheLedgersReason() {
    assertThat(seen.path("revertedOnChain").asBoolean()).isTrue();
    assertThat(seen.path("reverted").asText())
        .startsWith("The ledger refused it: ")
        .contains("already voted")
        .doesNotContain("{");
  }

  @Test
  void aSetParameterProposalMadeOnThePageChangesTheParameterOnChain() {
    assertThat(seen.path("setting").path("action").asText()).isEqualTo("set votingDelay to 15");
    assertThat(seen.path("parameter").path("chain").asInt()).isEqualTo(15);
    assertThat(seen.path("parameter").path("state").asInt()).isEqualTo(7);
    assertThat(seen.path("parameter").path("indexer").asText()).isEqualTo("executed");
  }

  @Test
  void aProposerCancelsAPendingProposalOnThePage() {
    assertThat(seen.path("canceled").path("chain").asInt()).isEqualTo(2);
    assertThat(seen.path("canceled").path("indexer").asText()).isEqualTo("canceled");
  }

  /** Debian's chromium, which the test command installs; a clear failure when it is missing. */
  private static Path chromium() {
    Path binary = Path.of(System.getProperty(CHROMIUM_PROPERTY, "/usr/bin/chromium"));
    if (!Files.isExecutable(binary)) {
      throw new AssertionError(
          "no chromium at "
              + binary
              + "; ./ailedger test installs Debian's (apt-get install chromium), or set -D"
              + CHROMIUM_PROPERTY);
    }
    return binary;
  }
}

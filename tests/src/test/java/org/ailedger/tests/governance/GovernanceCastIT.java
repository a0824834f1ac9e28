package org.ailedger.tests.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.Cast;
import org.ailedger.tests.dsl.CastSession;
import org.ailedger.tests.dsl.Devnet;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.Governance;
import org.ailedger.tests.dsl.Governance.ProposalState;
import org.ailedger.tests.dsl.Ledger;
import org.ailedger.tests.dsl.Permissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A governance proposal carried through on a started devnet, every step typed as a Foundry {@code
 * cast} command: acme-ai proposes granting CONTRIBUTOR to holder-one's account, three members vote
 * for and one against, the chain runs past the vote and the timelock on its own one-second blocks,
 * anyone executes, and the new contributor submits a model update it was refused before. The
 * proposal runs once before the tests; each test then checks one thing an outside client sees.
 */
class GovernanceCastIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("governance-cast");

  /** acme-ai: model owner and the token whale, whose vote the cap must hold down. */
  private static final int PROPOSER = 0;

  private static final int AGGREGATOR = 1;

  /** Audit-guild holds no tokens and does not vote: executing is open to any account. */
  private static final int EXECUTOR = 5;

  /** holder-one: a permitted account without any role, the one the proposal grants CONTRIBUTOR. */
  private static final int GRANTEE = 6;

  /** holder-two votes through its first account; its second account then tries again. */
  private static final int HOLDER_TWO = 7;

  private static final int HOLDER_TWO_SECOND = 8;
  private static final int HOLDER_THREE = 9;

  private static final Map<Integer, Integer> VOTES =
      orderedVotes(
          PROPOSER, Governance.FOR,
          GRANTEE, Governance.FOR,
          HOLDER_THREE, Governance.FOR,
          HOLDER_TWO, Governance.AGAINST);

  private static final String LABEL = "governance-cast";
  private static final String MODEL_ID = Ledger.id(LABEL + "/model");
  private static final BigInteger BPS = BigInteger.valueOf(10_000);
  private static final Duration UNTIL_ACTIVE = Duration.ofSeconds(20);

  /** votingPeriod 30 + timelockBlocks 2 one-second blocks, with room for a slow machine. */
  private static final Duration UNTIL_VOTE_AND_TIMELOCK_OVER = Duration.ofSeconds(75);

  private static final long DEADLINE_MARGIN_BLOCKS = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CastSession cast;
  private static String contributorRole;
  private static String grantee;
  private static String payload;
  private static JsonNode proposeReceipt;
  private static String proposalId;
  private static Terms terms;
  private static boolean granteeHadRoleBefore;
  private static Cast.Result submitBeforeExecution;
  private static Cast.Result executeWhileActive;
  private static final Map<Integer, JsonNode> voteReceipts = new LinkedHashMap<>();
  private static Cast.Result secondVoteOfHolderTwo;
  private static final List<ProposalState> liveStates = new ArrayList<>();
  private static ProposalState stateAfterVoting;
  private static final List<ProposalState> statesAcrossTimelock = new ArrayList<>();
  private static Cast.Result execution;
  private static ProposalState stateAfterExecution;
  private static Cast.Result executeAgain;
  private static Cast.Result submitAfterExecution;

  /** What {@code getProposal} answers about the schedule and thresholds fixed at creation. */
  private record Terms(
      long snapshotBlock,
      long voteStart,
      long voteEnd,
      long eta,
      BigInteger quorum,
      BigInteger cap,
      BigInteger quadraticTotal) {}

  @BeforeAll
  static void carryAProposalThrough() {
    cast = new CastSession(Cast.installed(), NODE.node().httpUrl().toString());
    grantee = Devnet.account(GRANTEE).getAddress();
    contributorRole = cast.keccak("CONTRIBUTOR");
    granteeHadRoleBefore = hasContributorRole();

    // a model with an open round, for the grantee to submit to once it may
    cast.send(
        PROPOSER,
        Ledger.MODEL_REGISTRY,
        Ledger.REGISTER_MODEL,
        MODEL_ID,
        "ipfs://" + LABEL + "/model",
        Devnet.account(AGGREGATOR).getAddress());
    String openRound =
        cast.sendAsync(
            AGGREGATOR,
            Ledger.MODEL_REGISTRY,
            Ledger.OPEN_ROUND,
            MODEL_ID,
            "1",
            Ledger.id(LABEL + "/base"),
            BigInteger.TEN.pow(18).toString(),
            Long.toString(cast.blockNumber() + DEADLINE_MARGIN_BLOCKS));

    payload = cast.abiEncode("f(bytes32,address)", contributorRole, grantee);
    String propose =
        cast.sendAsync(
            PROPOSER,
            Governance.ADDRESS,
            Governance.PROPOSE,
            Integer.toString(Governance.KIND_GRANT_ROLE),
            payload,
            "grant CONTRIBUTOR to holder-one's account " + grantee);
    requireSuccess("openRound", cast.receipt(openRound));
    proposeReceipt = requireSuccess("propose", cast.receipt(propose));
    proposalId = proposalIdOf(proposeReceipt);
    terms = termsOf(cast.call(Governance.ADDRESS, Governance.GET_PROPOSAL, proposalId));

    submitBeforeExecution = trySubmit("before");

    Await.until(
        "proposal " + proposalId + " to become Active",
        UNTIL_ACTIVE,
        () -> {
          ProposalState state = observeState();
          return state == ProposalState.PENDING ? Optional.empty() : Optional.of(state);
        });
    Map<Integer, String> voteTxs = new LinkedHashMap<>();
    VOTES.forEach(
        (account, support) ->
            voteTxs.put(
                account,
                cast.sendAsync(
                    account,
                    Governance.ADDRESS,
                    Governance.CAST_VOTE,
                    proposalId,
                    Integer.toString(support))));
    voteTxs.forEach((account, tx) -> voteReceipts.put(account, cast.receipt(tx)));
    secondVoteOfHolderTwo =
        cast.trySend(
            HOLDER_TWO_SECOND,
            Governance.ADDRESS,
            Governance.CAST_VOTE,
            proposalId,
            Integer.toString(Governance.FOR));
    executeWhileActive = tryExecute();

    // blocks come every second by themselves: watch the proposal leave the vote and the timelock
    stateAfterVoting =
        Await.until(
            "proposal " + proposalId + " to leave Active and Queued",
            UNTIL_VOTE_AND_TIMELOCK_OVER,
            () -> {
              ProposalState state = observeState();
              return EnumSet.of(ProposalState.PENDING, ProposalState.ACTIVE, ProposalState.QUEUED)
                      .contains(state)
                  ? Optional.empty()
                  : Optional.of(state);
            });
    for (long block = terms.voteEnd() - 1; block <= terms.eta(); block++) {
      statesAcrossTimelock.add(
          ProposalState.of(
              (int)
                  number(cast.callAt(block, Governance.ADDRESS, Governance.STATE, proposalId))
                      .longValueExact()));
    }

    execution = tryExecute();
    stateAfterExecution = state();
    executeAgain = tryExecute();
    submitAfterExecution = trySubmit("after");
  }

  @Test
  void theProposalIdFromTheProposalCreatedLogIsTheProposalCount() {
    assertThat(proposalId)
        .isEqualTo(number(cast.call(Governance.ADDRESS, Governance.PROPOSAL_COUNT)).toString());
    JsonNode created = onlyLog(proposeReceipt, Governance.PROPOSAL_CREATED_TOPIC);
    List<String> topics = texts(created.path("topics"));
    assertThat(topics.get(2)).as("proposer").isEqualTo(Ledger.topic(address(PROPOSER)));
    assertThat(topics.get(3)).as("memberId").isEqualTo(memberOf(address(PROPOSER)));

    long creationBlock = blockOf(proposeReceipt);
    String data = created.path("data").asText();
    assertThat(Ledger.uintWord(data, 0)).as("kind").isEqualTo(Governance.KIND_GRANT_ROLE);
    assertThat(Ledger.uintWord(data, 3)).as("snapshotBlock").isEqualTo(creationBlock - 1);
    assertThat(Ledger.uintWord(data, 4)).as("voteStart").isEqualTo(terms.voteStart());
    assertThat(Ledger.uintWord(data, 5)).as("voteEnd").isEqualTo(terms.voteEnd());
    assertThat(Ledger.uintWord(data, 6)).as("quadraticTotal").isEqualTo(terms.quadraticTotal());

    JsonNode proposal = cast.call(Governance.ADDRESS, Governance.GET_PROPOSAL, proposalId);
    assertThat(proposal.get(2).asInt()).as("kind").isEqualTo(Governance.KIND_GRANT_ROLE);
    assertThat(proposal.get(3).asText()).as("payload").isEqualToIgnoringCase(payload);
    assertThat(terms.snapshotBlock()).isEqualTo(creationBlock - 1);
    assertThat(terms.voteStart()).isEqualTo(creationBlock + parameter("votingDelay"));
    assertThat(terms.voteEnd()).isEqualTo(terms.voteStart() + parameter("votingPeriod"));
    assertThat(terms.eta()).isEqualTo(terms.voteEnd() + parameter("timelockBlocks"));
  }

  @Test
  void threeMembersVoteForAndOneAgainst() {
    voteReceipts.forEach(
        (account, receipt) ->
            assertThat(receipt.path("status").asText())
                .as("castVote from account %d: %s", account, receipt)
                .isEqualTo("0x1"));
    Map<String, Integer> supportByVoter = new LinkedHashMap<>();
    voteLogs().forEach(log -> supportByVoter.put(log.voter(), log.support()));
    Map<String, Integer> expected = new LinkedHashMap<>();
    VOTES.forEach((account, support) -> expected.put(address(account), support));
    assertThat(supportByVoter).isEqualTo(expected);
  }

  @Test
  void aSecondAccountOfAMemberThatVotedIsRefusedWithTheReason() {
    String holderTwo = memberOf(address(HOLDER_TWO_SECOND));
    assertThat(memberOf(address(HOLDER_TWO)))
        .as("accounts 7 and 8 share a member")
        .isEqualTo(holderTwo);
    assertReverted(
        secondVoteOfHolderTwo,
        "member "
            + holderTwo
            + " already voted on proposal "
            + proposalId
            + " with account "
            + address(HOLDER_TWO));
  }

  /**
   * The weights are recomputed here from the token's snapshot views: raw(m) is the sum of the past
   * balances of the member's accounts, the cap is capBps · Q / 10000, and a vote weighs
   * min(isqrt(raw), cap). acme-ai's 100 000 ACT would outweigh everyone else without the cap.
   */
  @Test
  void everyVoteWeighsItsMembersCappedSquareRootAndTheWhaleIsHeldAtTheCap() {
    long snapshot = terms.snapshotBlock();
    BigInteger quadraticTotal =
        number(
            cast.call(
                Ledger.CONTRIBUTION_TOKEN,
                Ledger.GET_PAST_QUADRATIC_TOTAL,
                Long.toString(snapshot)));
    BigInteger cap = BigInteger.valueOf(parameter("capBps")).multiply(quadraticTotal).divide(BPS);
    assertThat(terms.quadraticTotal()).as("getProposal's Q").isEqualTo(quadraticTotal);
    assertThat(terms.cap()).as("getProposal's cap").isEqualTo(cap);

    Map<String, VoteLog> byVoter = new LinkedHashMap<>();
    for (VoteLog vote : voteLogs()) {
      BigInteger raw = memberRawBalance(vote.memberId(), snapshot);
      assertThat(vote.memberId())
          .as("member of %s", vote.voter())
          .isEqualTo(memberOf(vote.voter()));
      assertThat(vote.rawBalance()).as("raw balance of %s", vote.memberId()).isEqualTo(raw);
      assertThat(vote.weight())
          .as("weight of %s (raw %s, cap %s)", vote.memberId(), raw, cap)
          .isEqualTo(raw.sqrt().min(cap));
      byVoter.put(vote.voter(), vote);
    }
    VoteLog whale = byVoter.get(address(PROPOSER));
    assertThat(whale.rawBalance().sqrt()).as("acme-ai's square root").isGreaterThan(cap);
    assertThat(whale.weight()).as("acme-ai's weight").isEqualTo(cap);
    VoteLog small = byVoter.get(address(HOLDER_THREE));
    assertThat(small.weight())
        .as("holder-three, below the cap, weighs its square root")
        .isEqualTo(small.rawBalance().sqrt())
        .isLessThan(cap);
  }

  @Test
  void theQuadraticTotalIsTheSumOfEveryMembersSquareRootAtTheSnapshot() {
    long snapshot = terms.snapshotBlock();
    BigInteger sum = BigInteger.ZERO;
    for (JsonNode member : cast.call(Permissions.ADDRESS, Permissions.GET_MEMBERS_CALL).get(0)) {
      BigInteger raw =
          number(
              cast.call(
                  Ledger.CONTRIBUTION_TOKEN,
                  Ledger.GET_PAST_MEMBER_BALANCE,
                  member.asText(),
                  Long.toString(snapshot)));
      sum = sum.add(raw.sqrt());
    }
    assertThat(terms.quadraticTotal()).isEqualTo(sum);
  }

  @Test
  void proposalVotesTalliesAreTheSumsOfTheVoteWeights() {
    BigInteger[] sums = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    for (VoteLog vote : voteLogs()) {
      sums[vote.support()] = sums[vote.support()].add(vote.weight());
    }
    JsonNode tally = cast.call(Governance.ADDRESS, Governance.PROPOSAL_VOTES, proposalId);
    assertThat(List.of(number(tally.get(0)), number(tally.get(1)), number(tally.get(2))))
        .as("(against, for, abstain)")
        .containsExactly(sums);
    assertThat(sums[Governance.FOR]).as("for > against").isGreaterThan(sums[Governance.AGAINST]);
    assertThat(sums[0].add(sums[1]).add(sums[2]))
        .as("turnout")
        .isGreaterThanOrEqualTo(terms.quorum());
  }

  @Test
  void theProposalIsQueuedThroughItsTimelockAndThenSucceeds() {
    assertThat(stateAfterVoting).isEqualTo(ProposalState.SUCCEEDED);
    assertThat(distinctRuns(statesAcrossTimelock))
        .as("states at blocks %d..%d: %s", terms.voteEnd() - 1, terms.eta(), statesAcrossTimelock)
        .containsExactly(ProposalState.ACTIVE, ProposalState.QUEUED, ProposalState.SUCCEEDED);
    assertThat(Collections.frequency(statesAcrossTimelock, ProposalState.QUEUED))
        .as("blocks in Queued: from voteEnd + 1 until eta")
        .isEqualTo(terms.eta() - terms.voteEnd() - 1);
    List<ProposalState> seen = distinctRuns(liveStates);
    assertThat(
            List.of(
                ProposalState.PENDING,
                ProposalState.ACTIVE,
                ProposalState.QUEUED,
                ProposalState.SUCCEEDED))
        .as("states seen while polling, in order: %s", seen)
        .containsSubsequence(seen);
    assertThat(seen).contains(ProposalState.ACTIVE).endsWith(ProposalState.SUCCEEDED);
  }

  @Test
  void anyAccountExecutesThePassedProposalOnceAfterItsTimelock() {
    assertReverted(
        executeWhileActive,
        "proposal " + proposalId + " is still active; voting ends after block " + terms.voteEnd());
    JsonNode receipt = receiptOf("execute", execution);
    assertThat(receipt.path("status").asText()).as("execute receipt %s", receipt).isEqualTo("0x1");
    assertThat(blockOf(receipt)).isGreaterThanOrEqualTo(terms.eta());
    List<String> events = new ArrayList<>();
    for (JsonNode log : receipt.path("logs")) {
      List<String> topics = texts(log.path("topics"));
      events.add(log.path("address").asText().toLowerCase() + " " + String.join(" ", topics));
    }
    assertThat(events)
        .as("the change's event, then ProposalExecuted")
        .containsExactly(
            Permissions.ADDRESS
                + " "
                + String.join(
                    " ", Permissions.ROLE_GRANTED_TOPIC, contributorRole, Ledger.topic(grantee)),
            Governance.ADDRESS
                + " "
                + Governance.PROPOSAL_EXECUTED_TOPIC
                + " "
                + Ledger.topic(Long.parseLong(proposalId)));
    assertThat(stateAfterExecution).isEqualTo(ProposalState.EXECUTED);
    assertReverted(executeAgain, "proposal " + proposalId + " was already executed");
  }

  @Test
  void theGranteeLacksTheRoleBeforeExecutionAndSubmitsAnUpdateAfter() {
    assertThat(granteeHadRoleBefore).as("hasRole before the proposal").isFalse();
    assertReverted(
        submitBeforeExecution, "caller " + grantee.toLowerCase() + " lacks role CONTRIBUTOR");

    assertThat(hasContributorRole()).as("hasRole after execution").isTrue();
    JsonNode receipt = receiptOf("submitUpdate after execution", submitAfterExecution);
    assertThat(receipt.path("status").asText())
        .as("submitUpdate receipt %s", receipt)
        .isEqualTo("0x1");
    JsonNode submitted = onlyLog(receipt, Ledger.UPDATE_SUBMITTED_TOPIC);
    assertThat(texts(submitted.path("topics")))
        .containsExactly(
            Ledger.UPDATE_SUBMITTED_TOPIC, MODEL_ID, Ledger.topic(1), Ledger.topic(grantee));
    JsonNode update = cast.call(Ledger.MODEL_REGISTRY, Ledger.GET_UPDATE, MODEL_ID, "1", grantee);
    assertThat(update.get(0).asInt()).isEqualTo(Ledger.UPDATE_SUBMITTED);
    assertThat(update.get(1).asText()).isEqualTo(Ledger.id(LABEL + "/update/after"));
    assertThat(update.get(2)).as("datasets").isEmpty();
  }

  /** One VoteCast log: who voted, for which member, how, and with what weight. */
  private record VoteLog(
      String voter, String memberId, int support, BigInteger weight, BigInteger rawBalance) {}

  private static List<VoteLog> voteLogs() {
    long from = blockOf(proposeReceipt);
    long to = terms.voteEnd();
    List<VoteLog> votes = new ArrayList<>();
    for (JsonNode log :
        cast.logs(Governance.ADDRESS, from, to, Governance.VOTE_CAST_EVENT, proposalId)) {
      List<String> topics = texts(log.path("topics"));
      assertThat(topics.get(0)).isEqualTo(Governance.VOTE_CAST_TOPIC);
      String data = log.path("data").asText();
      votes.add(
          new VoteLog(
              "0x" + topics.get(2).substring(26),
              topics.get(3),
              Ledger.uintWord(data, 0).intValueExact(),
              Ledger.uintWord(data, 1),
              Ledger.uintWord(data, 2)));
    }
    return votes;
  }

  /** raw(m): the snapshot balances of all the member's accounts, summed here. */
  private static BigInteger memberRawBalance(String memberId, long snapshot) {
    BigInteger raw = BigInteger.ZERO;
    for (JsonNode account :
        cast.call(Permissions.ADDRESS, Permissions.GET_MEMBER_ACCOUNTS_CALL, memberId).get(0)) {
      raw =
          raw.add(
              number(
                  cast.call(
                      Ledger.CONTRIBUTION_TOKEN,
                      Ledger.GET_PAST_BALANCE,
                      account.asText(),
                      Long.toString(snapshot))));
    }
    return raw;
  }

  private static ProposalState observeState() {
    ProposalState state = state();
    if (liveStates.isEmpty() || liveStates.getLast() != state) {
      liveStates.add(state);
    }
    return state;
  }

  private static ProposalState state() {
    return ProposalState.of(
        (int) number(cast.call(Governance.ADDRESS, Governance.STATE, proposalId)).longValueExact());
  }

  private static Cast.Result tryExecute() {
    return cast.trySend(EXECUTOR, Governance.ADDRESS, Governance.EXECUTE, proposalId);
  }

  private static Cast.Result trySubmit(String tag) {
    return cast.trySend(
        GRANTEE,
        Ledger.MODEL_REGISTRY,
        Ledger.SUBMIT_UPDATE,
        MODEL_ID,
        "1",
        Ledger.id(LABEL + "/update/" + tag),
        "[]",
        "100",
        Ledger.id(LABEL + "/metrics/" + tag));
  }

  private static boolean hasContributorRole() {
    return cast.call(Permissions.ADDRESS, Permissions.HAS_ROLE_CALL, contributorRole, grantee)
        .get(0)
        .asBoolean();
  }

  private static String memberOf(String account) {
    return cast.call(Permissions.ADDRESS, Permissions.MEMBER_OF_CALL, account).get(0).asText();
  }

  private static long parameter(String name) {
    return number(cast.call(Governance.ADDRESS, Governance.GET_PARAMETER, cast.bytes32String(name)))
        .longValueExact();
  }

  private static String proposalIdOf(JsonNode receipt) {
    JsonNode created = onlyLog(receipt, Governance.PROPOSAL_CREATED_TOPIC);
    return Ledger.uintWord(created.path("topics").get(1).asText(), 0).toString();
  }

  private static Terms termsOf(JsonNode proposal) {
    return new Terms(
        proposal.get(5).asLong(),
        proposal.get(6).asLong(),
        proposal.get(7).asLong(),
        proposal.get(8).asLong(),
        number(proposal.get(9)),
        number(proposal.get(10)),
        number(proposal.get(11)));
  }

  private static JsonNode onlyLog(JsonNode receipt, String topic) {
    List<JsonNode> matching = new ArrayList<>();
    for (JsonNode log : receipt.path("logs")) {
      if (log.path("topics").path(0).asText().equalsIgnoreCase(topic)) {
        matching.add(log);
      }
    }
    assertThat(matching).as("logs with topic %s in %s", topic, receipt).hasSize(1);
    return matching.getFirst();
  }

  /** cast failed before sending, and its error output quotes the contract's reason. */
  private static void assertReverted(Cast.Result attempt, String reason) {
    assertThat(attempt.exitCode())
        .as("cast must fail: %s\nstdout: %s", attempt.command(), attempt.stdout())
        .isNotZero();
    assertThat(attempt.stderr()).contains("execution reverted: " + reason);
  }

  /**
   * The receipt a {@code cast send --json} printed; fails with cast's error output if it failed.
   */
  private static JsonNode receiptOf(String what, Cast.Result sent) {
    try {
      return JSON.readTree(sent.output());
    } catch (JsonProcessingException e) {
      throw new AssertionError(what + ": cast printed no JSON receipt: " + sent.stdout(), e);
    } catch (AssertionError e) {
      throw new AssertionError(what + " failed: " + e.getMessage(), e);
    }
  }

  private static JsonNode requireSuccess(String what, JsonNode receipt) {
    if (!"0x1".equals(receipt.path("status").asText())) {
      throw new AssertionError(what + " failed: " + receipt);
    }
    return receipt;
  }

  private static List<ProposalState> distinctRuns(List<ProposalState> states) {
    List<ProposalState> runs = new ArrayList<>();
    for (ProposalState state : states) {
      if (runs.isEmpty() || runs.getLast() != state) {
        runs.add(state);
      }
    }
    return runs;
  }

  private static Map<Integer, Integer> orderedVotes(int... accountAndSupport) {
    Map<Integer, Integer> votes = new LinkedHashMap<>();
    for (int i = 0; i < accountAndSupport.length; i += 2) {
      votes.put(accountAndSupport[i], accountAndSupport[i + 1]);
    }
    return Collections.unmodifiableMap(votes);
  }

  private static String address(int account) {
    return Devnet.account(account).getAddress();
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

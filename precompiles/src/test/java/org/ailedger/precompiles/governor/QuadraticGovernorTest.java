package org.ailedger.precompiles.governor;

import static org.ailedger.precompiles.governor.GovernorFixtures.CAP;
import static org.ailedger.precompiles.governor.GovernorFixtures.CREATED;
import static org.ailedger.precompiles.governor.GovernorFixtures.ETA;
import static org.ailedger.precompiles.governor.GovernorFixtures.HOSPITAL;
import static org.ailedger.precompiles.governor.GovernorFixtures.HOSPITAL_1;
import static org.ailedger.precompiles.governor.GovernorFixtures.HOSPITAL_2;
import static org.ailedger.precompiles.governor.GovernorFixtures.LAB;
import static org.ailedger.precompiles.governor.GovernorFixtures.LAB_1;
import static org.ailedger.precompiles.governor.GovernorFixtures.LAB_2;
import static org.ailedger.precompiles.governor.GovernorFixtures.PAUPER;
import static org.ailedger.precompiles.governor.GovernorFixtures.Q;
import static org.ailedger.precompiles.governor.GovernorFixtures.QUORUM;
import static org.ailedger.precompiles.governor.GovernorFixtures.STRANGER;
import static org.ailedger.precompiles.governor.GovernorFixtures.UNIVERSITY_1;
import static org.ailedger.precompiles.governor.GovernorFixtures.VOTE_END;
import static org.ailedger.precompiles.governor.GovernorFixtures.VOTE_START;
import static org.ailedger.precompiles.governor.GovernorFixtures.WHALE;
import static org.ailedger.precompiles.governor.GovernorFixtures.consortium;
import static org.ailedger.precompiles.governor.GovernorFixtures.gwei;
import static org.ailedger.precompiles.governor.GovernorHarness.GOVERNOR;
import static org.ailedger.precompiles.governor.GovernorHarness.bytes32;
import static org.ailedger.precompiles.governor.GovernorHarness.decode;
import static org.ailedger.precompiles.governor.GovernorHarness.logs;
import static org.ailedger.precompiles.governor.GovernorHarness.payload;
import static org.ailedger.precompiles.governor.GovernorHarness.tokens;
import static org.ailedger.precompiles.governor.GovernorHarness.uint;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/** The life of a proposal and the attacks on quadratic voting, through the ABI. */
class QuadraticGovernorTest {
  private final GovernorHarness chain = consortium();

  /** A harmless proposal: raise maxRewardPerRound to 2000 tokens. */
  private static Bytes raiseReward() {
    return setParameter(Parameter.MAX_REWARD_PER_ROUND, tokens(2_000));
  }

  static Bytes setParameter(Parameter parameter, UInt256 value) {
    return payload(bytes32(parameter.key()), new Uint256(value.toBigInteger()));
  }

  private long proposeAtCreation() {
    chain.block = CREATED;
    return chain.proposeOk(LAB_1, ProposalKind.SET_PARAMETER, raiseReward());
  }

  /** Whale (capped at 18), lab and university (10 each) vote for: 38 of a quorum of 36. */
  private void passWithQuorum(long id) {
    for (Address voter : List.of(WHALE, LAB_1, UNIVERSITY_1)) {
      CallOutcome vote = chain.vote(voter, id, Support.FOR);
      assertThat(vote.success()).as("vote of %s: %s", voter, vote.revertReason()).isTrue();
    }
  }

  private static BigInteger weightOf(CallOutcome vote) {
    List<Log> cast = logs(vote, GovernorEvents.VOTE_CAST.topic());
    assertThat(cast).hasSize(1);
    return (BigInteger)
        decode(
                cast.get(0).data(),
                new TypeReference<Uint8>() {},
                new TypeReference<Uint256>() {},
                new TypeReference<Uint256>() {})
            .get(1)
            .getValue();
  }

  private static String reason(CallOutcome outcome) {
    assertThat(outcome.success()).as("the call should have been refused").isFalse();
    return outcome.revertReason().orElseThrow();
  }

  @Test
  void proposalIdsCountFromOneAndTheTermsAreFixedAtCreation() {
    chain.block = CREATED;
    CallOutcome created =
        chain.propose(LAB_1, ProposalKind.SET_PARAMETER, raiseReward(), "raise the round reward");

    assertThat(created.success()).as("%s", created.revertReason()).isTrue();
    assertThat(chain.viewUint(GOVERNOR, "proposalCount")).isEqualTo(BigInteger.ONE);
    List<Type> proposal = chain.proposal(1);
    assertThat(GovernorHarness.address(LAB_1)).isEqualTo(proposal.get(0));
    assertThat(proposal.get(1).getValue()).isEqualTo(LAB.toArray());
    assertThat(proposal.get(2).getValue()).isEqualTo(BigInteger.ZERO);
    assertThat(proposal.get(3).getValue()).isEqualTo(raiseReward().toArray());
    assertThat(proposal.get(4).getValue()).isEqualTo("raise the round reward");
    assertThat(proposal.subList(5, 9).stream().map(Type::getValue))
        .containsExactly(
            BigInteger.valueOf(CREATED - 1),
            BigInteger.valueOf(VOTE_START),
            BigInteger.valueOf(VOTE_END),
            BigInteger.valueOf(ETA));
    assertThat(proposal.subList(9, 12).stream().map(Type::getValue))
        .containsExactly(QUORUM, CAP, Q);
    assertThat(chain.state(1)).isEqualTo(ProposalState.PENDING);

    chain.block = CREATED + 1;
    assertThat(chain.proposeOk(HOSPITAL_1, ProposalKind.SET_PARAMETER, raiseReward())).isEqualTo(2);
    assertThat(chain.viewUint(GOVERNOR, "proposalCount")).isEqualTo(BigInteger.TWO);
  }

  @Test
  void proposalCreatedAndTermsEventsCarryWhatGetProposalAnswers() {
    chain.block = CREATED;
    CallOutcome created =
        chain.propose(LAB_1, ProposalKind.SET_PARAMETER, raiseReward(), "raise the round reward");

    Log log = logs(created, GovernorEvents.PROPOSAL_CREATED.topic()).get(0);
    assertThat(log.address()).isEqualTo(GOVERNOR);
    assertThat(log.topics().subList(1, 4))
        .containsExactly(UInt256.ONE.toBytes(), LAB_1.toWord(), LAB);
    List<Type> data =
        decode(
            log.data(),
            new TypeReference<Uint8>() {},
            new TypeReference<DynamicBytes>() {},
            new TypeReference<Utf8String>() {},
            new TypeReference<Uint64>() {},
            new TypeReference<Uint64>() {},
            new TypeReference<Uint64>() {},
            new TypeReference<Uint256>() {});
    assertThat(data.get(1).getValue()).isEqualTo(raiseReward().toArray());
    assertThat(data.stream().skip(2).map(Type::getValue))
        .containsExactly(
            "raise the round reward",
            BigInteger.valueOf(CREATED - 1),
            BigInteger.valueOf(VOTE_START),
            BigInteger.valueOf(VOTE_END),
            Q);
    Log terms = logs(created, GovernorEvents.PROPOSAL_TERMS.topic()).get(0);
    assertThat(
            decode(
                    terms.data(),
                    new TypeReference<Uint64>() {},
                    new TypeReference<Uint64>() {},
                    new TypeReference<Uint256>() {},
                    new TypeReference<Uint256>() {})
                .stream()
                .map(Type::getValue))
        .containsExactly(
            BigInteger.valueOf(ETA),
            BigInteger.valueOf(ETA + QuadraticGovernor.EXECUTION_GRACE_BLOCKS),
            QUORUM,
            CAP);
  }

  @Test
  void eventsListsExactlyTheEventsAProposalsLifeEmitsFromTheGovernor() {
    List<CallOutcome> life = new ArrayList<>();
    chain.block = CREATED;
    life.add(chain.propose(LAB_1, ProposalKind.SET_PARAMETER, raiseReward(), "raise the reward"));
    life.add(chain.propose(HOSPITAL_1, ProposalKind.SET_PARAMETER, raiseReward(), "withdrawn"));
    life.add(chain.cancel(HOSPITAL_1, 2));
    chain.block = VOTE_START;
    for (Address voter : List.of(WHALE, LAB_1, UNIVERSITY_1)) {
      life.add(chain.vote(voter, 1, Support.FOR));
    }
    chain.block = ETA;
    life.add(chain.execute(STRANGER, 1));

    assertThat(life).allSatisfy(o -> assertThat(o.success()).as("%s", o.revertReason()).isTrue());
    List<Bytes32> emitted =
        life.stream()
            .flatMap(o -> o.logs().stream())
            .filter(log -> log.address().equals(GOVERNOR))
            .map(log -> log.topics().get(0))
            .distinct()
            .toList();
    assertThat(emitted)
        .containsExactlyInAnyOrderElementsOf(
            new QuadraticGovernor().events().stream().map(AbiEvent::topic).toList());
  }

  @Test
  void whaleWithNinetyPercentOfTheSupplyIsHeldAtTheCap() {
    long id = proposeAtCreation();
    chain.block = VOTE_START;

    CallOutcome vote = chain.vote(WHALE, id, Support.FOR);

    assertThat(weightOf(vote)).isEqualTo(CAP).isLessThan(gwei(90));
    assertThat(chain.votes(id)).containsExactly(BigInteger.ZERO, CAP, BigInteger.ZERO);
    assertThat(chain.votingPower(WHALE, CREATED - 1)).isEqualTo(CAP);
    // uncapped members get exactly the square root of their raw balance
    assertThat(weightOf(chain.vote(LAB_1, id, Support.AGAINST))).isEqualTo(gwei(10));
    assertThat(weightOf(chain.vote(HOSPITAL_1, id, Support.AGAINST))).isEqualTo(gwei(10));
    // the whale, 90 % of the supply, is outvoted by two members holding 1 % each
    chain.block = VOTE_END + 1;
    assertThat(chain.votes(id)).containsExactly(gwei(20), CAP, BigInteger.ZERO);
    assertThat(chain.state(id)).isEqualTo(ProposalState.DEFEATED);
  }

  @Test
  void voteCastCarriesVoterMemberSupportWeightAndRawBalance() {
    long id = proposeAtCreation();
    chain.block = VOTE_START;

    CallOutcome vote = chain.vote(LAB_1, id, Support.ABSTAIN);

    Log log = logs(vote, GovernorEvents.VOTE_CAST.topic()).get(0);
    assertThat(log.topics().subList(1, 4))
        .containsExactly(UInt256.valueOf(id).toBytes(), LAB_1.toWord(), LAB);
    assertThat(
            decode(
                    log.data(),
                    new TypeReference<Uint8>() {},
                    new TypeReference<Uint256>() {},
                    new TypeReference<Uint256>() {})
                .stream()
                .map(Type::getValue))
        .containsExactly(BigInteger.TWO, gwei(10), tokens(100).toBigInteger());
  }

  @Test
  void tenAccountsOfOneMemberVoteWithTheWeightOfOneAccountHoldingItAll() {
    GovernorHarness tenAccounts = SplitHoldings.tenAccounts();
    GovernorHarness oneAccount = SplitHoldings.oneAccount();
    for (GovernorHarness c : List.of(tenAccounts, oneAccount)) {
      c.block = CREATED;
      c.proposeOk(SplitHoldings.OTHER, ProposalKind.SET_PARAMETER, raiseReward());
      c.block = VOTE_START;
    }

    BigInteger whole = weightOf(oneAccount.vote(SplitHoldings.ACCOUNTS.get(0), 1, Support.FOR));
    BigInteger spread = weightOf(tenAccounts.vote(SplitHoldings.ACCOUNTS.get(7), 1, Support.FOR));

    assertThat(spread).isEqualTo(whole).isEqualTo(SplitHoldings.MEMBER_POWER);
    for (Address account : SplitHoldings.ACCOUNTS) {
      assertThat(tenAccounts.votingPower(account, CREATED - 1)).isEqualTo(whole);
      assertThat(tenAccounts.vote(account, 1, Support.AGAINST).success()).isFalse();
    }
    assertThat(tenAccounts.votes(1)).isEqualTo(oneAccount.votes(1));
  }

  @Test
  void tokensMovedAfterTheSnapshotNeitherCountNorVoteTwice() {
    long id = proposeAtCreation();
    chain.block = VOTE_START;
    assertThat(weightOf(chain.vote(LAB_1, id, Support.FOR))).isEqualTo(gwei(10));

    // the lab hands its voted tokens to the hospital's second account after the snapshot
    chain.transfer(LAB_1, HOSPITAL_2, tokens(100));
    chain.block = VOTE_START + 1;
    CallOutcome hospital = chain.vote(HOSPITAL_2, id, Support.FOR);

    assertThat(weightOf(hospital)).isEqualTo(gwei(10));
    assertThat(chain.votes(id).get(1)).isEqualTo(gwei(20));
    assertThat(reason(chain.vote(LAB_2, id, Support.FOR))).contains("already voted");
    // the hospital now holds 200 tokens; its power at the snapshot is still isqrt(100 tokens)
    assertThat(chain.votingPower(HOSPITAL_1, CREATED - 1)).isEqualTo(gwei(10));
    chain.block = VOTE_START + 2;
    assertThat(chain.votingPower(HOSPITAL_1, VOTE_START)).isGreaterThan(gwei(10));
  }

  @Test
  void tokensMovedBeforeTheSnapshotCountForTheirNewMember() {
    chain.block = 5;
    chain.transfer(LAB_1, HOSPITAL_2, tokens(96));
    long id = proposeAtCreation();
    chain.block = VOTE_START;

    assertThat(weightOf(chain.vote(HOSPITAL_1, id, Support.FOR))).isEqualTo(gwei(14));
    assertThat(weightOf(chain.vote(LAB_2, id, Support.FOR))).isEqualTo(gwei(2));
  }

  @Test
  void tokensReceivedInTheCreationBlockDoNotReachTheThreshold() {
    chain.block = CREATED;
    chain.transfer(LAB_1, PAUPER, tokens(50));

    String reason = reason(chain.propose(PAUPER, ProposalKind.SET_PARAMETER, raiseReward(), ""));

    assertThat(reason)
        .contains("member " + GovernorFixtures.PAUPERS.toHexString())
        .contains("proposer " + PAUPER)
        .contains("held 0 token base units at snapshot block 9")
        .contains("below the proposal threshold " + tokens(1).toDecimalString());
    chain.block = CREATED + 1;
    assertThat(chain.propose(PAUPER, ProposalKind.SET_PARAMETER, raiseReward(), "").success())
        .isTrue();
  }

  @Test
  void aMemberVotesOnceWhicheverAccountItUses() {
    long id = proposeAtCreation();
    chain.block = VOTE_START;
    chain.vote(LAB_1, id, Support.FOR);

    String again = reason(chain.vote(LAB_1, id, Support.AGAINST));
    String otherAccount = reason(chain.vote(LAB_2, id, Support.AGAINST));

    assertThat(otherAccount)
        .isEqualTo(
            "member " + LAB.toHexString() + " already voted on proposal 1 with account " + LAB_1);
    assertThat(again).isEqualTo(otherAccount);
    assertThat(chain.hasVoted(id, LAB)).isTrue();
    assertThat(chain.hasVoted(id, HOSPITAL)).isFalse();
    assertThat(chain.votes(id)).containsExactly(BigInteger.ZERO, gwei(10), BigInteger.ZERO);
  }

  @Test
  void votesBeforeTheStartOrAfterThePeriodAreRefused() {
    long id = proposeAtCreation();

    assertThat(reason(chain.vote(LAB_1, id, Support.FOR)))
        .isEqualTo("proposal 1 opens for voting at block 11; this is block 10");
    chain.block = VOTE_END + 1;
    assertThat(reason(chain.vote(LAB_1, id, Support.FOR)))
        .isEqualTo("proposal 1 closed for voting after block 41; this is block 42");
    chain.block = VOTE_START;
    assertThat(chain.state(id)).isEqualTo(ProposalState.ACTIVE);
    assertThat(chain.vote(LAB_1, id, Support.FOR).success()).isTrue();
    chain.block = VOTE_END;
    assertThat(chain.state(id)).isEqualTo(ProposalState.ACTIVE);
    assertThat(chain.vote(UNIVERSITY_1, id, Support.FOR).success()).isTrue();
  }

  @Test
  void executionBeforeTheTimelockOrTwiceIsRefused() {
    long id = proposeAtCreation();
    chain.block = VOTE_START;
    passWithQuorum(id);

    chain.block = VOTE_END;
    assertThat(reason(chain.execute(STRANGER, id)))
        .isEqualTo("proposal 1 is still active; voting ends after block 41");
    chain.block = VOTE_END + 1;
    assertThat(chain.state(id)).isEqualTo(ProposalState.QUEUED);
    assertThat(reason(chain.execute(STRANGER, id)))
        .isEqualTo("proposal 1 is in its timelock until block 43; this is block 42");
    chain.block = ETA;
    assertThat(chain.state(id)).isEqualTo(ProposalState.SUCCEEDED);
    CallOutcome executed = chain.execute(STRANGER, id);
    assertThat(executed.success()).as("%s", executed.revertReason()).isTrue();
    assertThat(logs(executed, GovernorEvents.PROPOSAL_EXECUTED.topic())).hasSize(1);
    assertThat(chain.state(id)).isEqualTo(ProposalState.EXECUTED);
    assertThat(reason(chain.execute(STRANGER, id))).isEqualTo("proposal 1 was already executed");
  }

  @Test
  void passingNeedsMoreForThanAgainst() {
    long id = proposeAtCreation();
    chain.block = VOTE_START;
    chain.vote(WHALE, id, Support.FOR);
    chain.vote(LAB_1, id, Support.AGAINST);
    chain.vote(UNIVERSITY_1, id, Support.AGAINST);

    chain.block = ETA;

    // turnout 38 meets the quorum of 36, but 18 for is less than 20 against
    assertThat(chain.votes(id)).containsExactly(gwei(20), CAP, BigInteger.ZERO);
    assertThat(chain.state(id)).isEqualTo(ProposalState.DEFEATED);
    assertThat(reason(chain.execute(STRANGER, id)))
        .isEqualTo("proposal 1 was defeated and cannot be executed");
  }

  @Test
  void turnoutBelowTheQuorumIsDefeatedEvenIfUnanimous() {
    long id = proposeAtCreation();
    chain.block = VOTE_START;
    chain.vote(WHALE, id, Support.FOR);
    chain.vote(LAB_1, id, Support.FOR);
    chain.vote(HOSPITAL_1, id, Support.ABSTAIN);
    // 38 votes cast against a quorum of 36 pass; 10 unanimous ones do not
    long lonely = chain.proposeOk(HOSPITAL_1, ProposalKind.SET_PARAMETER, raiseReward());
    chain.block = VOTE_START + 1;
    chain.vote(LAB_1, lonely, Support.FOR);

    chain.block = VOTE_START + 1 + 31 + 2;

    assertThat(chain.state(id)).isEqualTo(ProposalState.SUCCEEDED);
    assertThat(chain.state(lonely)).isEqualTo(ProposalState.DEFEATED);
  }

  @Test
  void turnoutExactlyAtTheQuorumPassesAndOneVoteLessDoesNot() {
    GovernorHarness boundary = QuorumBoundary.chain();
    boundary.block = CREATED;
    long atQuorum = boundary.proposeOk(QuorumBoundary.A, ProposalKind.SET_PARAMETER, raiseReward());
    long belowQuorum =
        boundary.proposeOk(QuorumBoundary.A, ProposalKind.SET_PARAMETER, raiseReward());
    assertThat(boundary.proposal(atQuorum).get(9).getValue()).isEqualTo(QuorumBoundary.QUORUM);

    boundary.block = VOTE_START;
    boundary.vote(QuorumBoundary.A, atQuorum, Support.FOR);
    boundary.vote(QuorumBoundary.B, atQuorum, Support.ABSTAIN);
    boundary.vote(QuorumBoundary.A, belowQuorum, Support.FOR);
    boundary.vote(QuorumBoundary.C, belowQuorum, Support.ABSTAIN);
    boundary.block = ETA;

    assertThat(boundary.votes(atQuorum).stream().reduce(BigInteger.ZERO, BigInteger::add))
        .isEqualTo(QuorumBoundary.QUORUM);
    assertThat(boundary.votes(belowQuorum).stream().reduce(BigInteger.ZERO, BigInteger::add))
        .isEqualTo(QuorumBoundary.QUORUM.subtract(BigInteger.ONE));
    assertThat(boundary.state(atQuorum)).isEqualTo(ProposalState.SUCCEEDED);
    assertThat(boundary.state(belowQuorum)).isEqualTo(ProposalState.DEFEATED);
  }

  @Test
  void aPassedProposalExpiresAfterTheGracePeriod() {
    long id = proposeAtCreation();
    chain.block = VOTE_START;
    passWithQuorum(id);
    long expiresAt = ETA + QuadraticGovernor.EXECUTION_GRACE_BLOCKS;

    chain.block = expiresAt - 1;
    assertThat(chain.state(id)).isEqualTo(ProposalState.SUCCEEDED);
    chain.block = expiresAt;

    assertThat(chain.state(id)).isEqualTo(ProposalState.EXPIRED);
    assertThat(reason(chain.execute(STRANGER, id)))
        .isEqualTo("proposal 1 expired at block " + expiresAt + " without being executed");
    assertThat(chain.parameter(Parameter.MAX_REWARD_PER_ROUND))
        .isEqualTo(tokens(1_000).toBigInteger());
  }

  @Test
  void onlyTheProposerCancelsAndOnlyWhilePending() {
    long id = proposeAtCreation();

    assertThat(reason(chain.cancel(LAB_2, id)))
        .isEqualTo("only the proposer " + LAB_1 + " may cancel proposal 1; caller was " + LAB_2);
    CallOutcome canceled = chain.cancel(LAB_1, id);
    assertThat(canceled.success()).isTrue();
    assertThat(logs(canceled, GovernorEvents.PROPOSAL_CANCELED.topic())).hasSize(1);
    assertThat(chain.state(id)).isEqualTo(ProposalState.CANCELED);
    assertThat(reason(chain.cancel(LAB_1, id)))
        .isEqualTo(
            "proposal 1 can only be canceled while pending, before block 11; it is Canceled");
    chain.block = VOTE_START;
    assertThat(reason(chain.vote(LAB_1, id, Support.FOR))).isEqualTo("proposal 1 was canceled");
    chain.block = ETA;
    assertThat(chain.state(id)).isEqualTo(ProposalState.CANCELED);
    assertThat(reason(chain.execute(LAB_1, id))).isEqualTo("proposal 1 was canceled");
  }

  @Test
  void anActiveProposalCannotBeCanceled() {
    long id = proposeAtCreation();
    chain.block = VOTE_START;

    assertThat(reason(chain.cancel(LAB_1, id)))
        .isEqualTo("proposal 1 can only be canceled while pending, before block 11; it is Active");
  }

  @Test
  void accountsWithoutPermissionOrPowerCannotProposeOrVote() {
    chain.block = CREATED;
    assertThat(reason(chain.propose(STRANGER, ProposalKind.SET_PARAMETER, raiseReward(), "")))
        .isEqualTo(
            "account "
                + STRANGER
                + " is not a permitted account; only members' accounts may propose");
    long id = chain.proposeOk(LAB_1, ProposalKind.SET_PARAMETER, raiseReward());
    chain.block = VOTE_START;

    assertThat(reason(chain.vote(STRANGER, id, Support.FOR)))
        .isEqualTo(
            "account " + STRANGER + " is not a permitted account; only members' accounts may vote");
    assertThat(reason(chain.vote(PAUPER, id, Support.FOR)))
        .startsWith(
            "member "
                + GovernorFixtures.PAUPERS.toHexString()
                + " of account "
                + PAUPER
                + " has no voting power on proposal 1: it held 0 token base units at snapshot"
                + " block 9");
    assertThat(chain.votingPower(STRANGER, CREATED - 1)).isZero();
    assertThat(chain.votingPower(PAUPER, CREATED - 1)).isZero();
  }

  @Test
  void aThresholdAboveAMembersHoldingRefusesItsProposal() {
    GovernorHarness strict =
        GovernorFixtures.consortium(Map.of(Parameter.PROPOSAL_THRESHOLD, tokens(101)));
    strict.block = CREATED;

    assertThat(reason(strict.propose(LAB_1, ProposalKind.SET_PARAMETER, raiseReward(), "")))
        .contains("held " + tokens(100).toDecimalString() + " token base units")
        .endsWith("below the proposal threshold " + tokens(101).toDecimalString());
    assertThat(strict.propose(WHALE, ProposalKind.SET_PARAMETER, raiseReward(), "").success())
        .isTrue();
  }

  @Test
  void badSupportCodesAndUnknownProposalsAreRefused() {
    long id = proposeAtCreation();
    chain.block = VOTE_START;

    assertThat(reason(chain.governor(LAB_1, "castVote", uint(id), new Uint8(3))))
        .isEqualTo("support must be 0 (against), 1 (for) or 2 (abstain), got 3");
    assertThat(reason(chain.vote(LAB_1, 2, Support.FOR)))
        .isEqualTo("proposal 2 does not exist; proposals are numbered 1 to 1");
    assertThat(reason(chain.governor(STRANGER, "state", uint(0))))
        .isEqualTo("proposal 0 does not exist; proposals are numbered 1 to 1");
    assertThat(reason(chain.governor(STRANGER, "getProposal", uint(7)))).contains("proposal 7");
    assertThat(reason(chain.governor(STRANGER, "execute", uint(7)))).contains("proposal 7");
  }

  @Test
  void aRefusedCallChangesNothing() {
    long id = proposeAtCreation();
    chain.block = VOTE_START;
    chain.vote(LAB_1, id, Support.FOR);
    InMemorySlotStore before = chain.store.copy();

    CallOutcome again = chain.vote(LAB_2, id, Support.FOR);
    CallOutcome early = chain.execute(STRANGER, id);
    CallOutcome bounds =
        chain.propose(
            LAB_1, ProposalKind.SET_PARAMETER, setParameter(Parameter.CAP_BPS, UInt256.ZERO), "");

    assertThat(List.of(again, early, bounds)).noneMatch(CallOutcome::success);
    assertThat(List.of(again, early, bounds)).allMatch(o -> o.logs().isEmpty());
    assertThat(chain.store).isEqualTo(before);
  }

  @Test
  void votingPowerAsksForAMinedBlockAndUsesTheCurrentCap() {
    chain.block = CREATED;

    assertThat(
            reason(
                chain.governor(
                    STRANGER, "votingPower", GovernorHarness.address(WHALE), uint(CREATED))))
        .isEqualTo("block 10 is not yet mined");
    assertThat(chain.votingPower(WHALE, 0)).isEqualTo(CAP);
    assertThat(chain.votingPower(LAB_2, 0)).isEqualTo(gwei(10));
    long id =
        chain.proposeOk(
            LAB_1,
            ProposalKind.SET_PARAMETER,
            setParameter(Parameter.CAP_BPS, UInt256.valueOf(4_000)));
    long before = chain.proposeOk(LAB_1, ProposalKind.SET_PARAMETER, raiseReward());
    chain.block = VOTE_START;
    passWithQuorum(id);
    chain.block = ETA;
    assertThat(chain.execute(STRANGER, id).success()).isTrue();

    // 40 % of Q = 72 gwei now caps the whale instead of 18; its root of 90 still exceeds it
    assertThat(chain.votingPower(WHALE, 0)).isEqualTo(gwei(72));
    // a proposal made before the change keeps the cap it was created with
    assertThat(chain.proposal(before).get(10).getValue()).isEqualTo(CAP);
  }

  @Test
  void noProposalCanBeMadeInTheGenesisBlock() {
    chain.block = 0;

    assertThat(reason(chain.propose(WHALE, ProposalKind.SET_PARAMETER, raiseReward(), "")))
        .isEqualTo("no proposal can be made in the genesis block");
  }

  @Test
  void viewsReportTheConstants() {
    assertThat(chain.viewUint(GOVERNOR, "EXECUTION_GRACE_BLOCKS"))
        .isEqualTo(BigInteger.valueOf(QuadraticGovernor.EXECUTION_GRACE_BLOCKS));
    assertThat(chain.viewUint(GOVERNOR, "MAX_DESCRIPTION_BYTES"))
        .isEqualTo(BigInteger.valueOf(QuadraticGovernor.MAX_DESCRIPTION_BYTES));
    assertThat(chain.parameter(Parameter.CAP_BPS)).isEqualTo(BigInteger.valueOf(1_000));
  }
}

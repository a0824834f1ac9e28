package org.ailedger.precompiles.governor;

import static org.ailedger.precompiles.governor.GovernorFixtures.HOSPITAL_2;
import static org.ailedger.precompiles.governor.GovernorFixtures.LAB_1;
import static org.ailedger.precompiles.governor.GovernorFixtures.NODE_1;
import static org.ailedger.precompiles.governor.GovernorFixtures.NODE_2;
import static org.ailedger.precompiles.governor.GovernorFixtures.NODE_3;
import static org.ailedger.precompiles.governor.GovernorFixtures.NODE_4;
import static org.ailedger.precompiles.governor.GovernorFixtures.STRANGER;
import static org.ailedger.precompiles.governor.GovernorFixtures.UNIVERSITY_1;
import static org.ailedger.precompiles.governor.GovernorFixtures.WHALE;
import static org.ailedger.precompiles.governor.GovernorHarness.address;
import static org.ailedger.precompiles.governor.GovernorHarness.bytes32;
import static org.ailedger.precompiles.governor.GovernorHarness.decode;
import static org.ailedger.precompiles.governor.GovernorHarness.logs;
import static org.ailedger.precompiles.governor.GovernorHarness.payload;
import static org.ailedger.precompiles.governor.GovernorHarness.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.governance.ParameterChange;
import org.ailedger.precompiles.permissions.Permissions;
import org.ailedger.precompiles.permissions.PermissionsEvents;
import org.ailedger.precompiles.permissions.PermissionsView;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/** Every kind of proposal, carried through to execution and checked through the public views. */
class ProposalActionsTest {
  private static final Address NEWCOMER = Address.of(0xfeed);
  private static final Bytes32 NEWCOMER_MEMBER = GovernorHarness.member("newcomer");

  private final GovernorHarness chain = GovernorFixtures.consortium();

  /**
   * Proposes at the current block, has the whale (capped at 18), the lab and the university (10
   * each) vote for it, which meets the quorum of 36, moves to eta and executes it; returns the
   * execution's outcome and leaves the chain one block past it.
   */
  private CallOutcome passAndExecute(ProposalKind kind, Bytes payload) {
    long id = chain.proposeOk(LAB_1, kind, payload);
    chain.block += 1;
    voteFor(id);
    chain.block += 30 + 2;
    assertThat(chain.state(id)).isEqualTo(ProposalState.SUCCEEDED);
    CallOutcome executed = chain.execute(STRANGER, id);
    assertThat(executed.success()).as("execute: %s", executed.revertReason()).isTrue();
    assertThat(chain.state(id)).isEqualTo(ProposalState.EXECUTED);
    assertThat(logs(executed, GovernorEvents.PROPOSAL_EXECUTED.topic())).hasSize(1);
    chain.block += 1;
    return executed;
  }

  private void voteFor(long id) {
    for (Address voter : List.of(WHALE, LAB_1, UNIVERSITY_1)) {
      CallOutcome vote = chain.vote(voter, id, Support.FOR);
      assertThat(vote.success()).as("vote of %s: %s", voter, vote.revertReason()).isTrue();
    }
  }

  private PermissionsView permissions() {
    return PermissionsView.of(chain.store);
  }

  private boolean permissionsBool(String function, org.web3j.abi.datatypes.Type... args) {
    return chain.viewBool(Permissions.ADDRESS, function, args);
  }

  @Test
  void setParameterChangesTheParameterAndAnnouncesOldAndNewValue() {
    chain.block = 10;
    CallOutcome executed =
        passAndExecute(
            ProposalKind.SET_PARAMETER,
            QuadraticGovernorTest.setParameter(Parameter.VOTING_PERIOD, UInt256.valueOf(45)));

    assertThat(chain.parameter(Parameter.VOTING_PERIOD)).isEqualTo(BigInteger.valueOf(45));
    List<Log> changed = logs(executed, ParameterChange.PARAMETER_CHANGED.topic());
    assertThat(changed).hasSize(1);
    assertThat(changed.get(0).address()).isEqualTo(QuadraticGovernor.ADDRESS);
    assertThat(changed.get(0).topics().get(1)).isEqualTo(Parameter.VOTING_PERIOD.key());
    List<Type> values =
        decode(
            changed.get(0).data(),
            new TypeReference<Uint256>() {},
            new TypeReference<Uint256>() {});
    assertThat(values.stream().map(Type::getValue))
        .containsExactly(BigInteger.valueOf(30), BigInteger.valueOf(45));
    // the next proposal is given the new period
    long next = chain.proposeOk(LAB_1, ProposalKind.SET_PARAMETER, payloadRaisingReward());
    List<Type> proposal = chain.proposal(next);
    assertThat(
            ((BigInteger) proposal.get(7).getValue())
                .subtract((BigInteger) proposal.get(6).getValue()))
        .isEqualTo(BigInteger.valueOf(45));
  }

  @Test
  void addAccountPermitsTheAccountUnderItsMember() {
    chain.block = 10;
    CallOutcome executed =
        passAndExecute(
            ProposalKind.ADD_ACCOUNT, payload(address(NEWCOMER), bytes32(NEWCOMER_MEMBER)));

    assertThat(permissionsBool("isAccountAllowed", address(NEWCOMER))).isTrue();
    assertThat(permissions().memberOf(NEWCOMER)).contains(NEWCOMER_MEMBER);
    Log added = logs(executed, PermissionsEvents.ACCOUNT_ADDED.topic()).get(0);
    assertThat(added.address()).isEqualTo(Permissions.ADDRESS);
    assertThat(added.topics().subList(1, 3)).containsExactly(NEWCOMER.toWord(), NEWCOMER_MEMBER);
  }

  @Test
  void removeAccountRevokesThePermission() {
    chain.block = 10;
    passAndExecute(ProposalKind.REMOVE_ACCOUNT, payload(address(HOSPITAL_2)));

    assertThat(permissionsBool("isAccountAllowed", address(HOSPITAL_2))).isFalse();
    assertThat(permissions().memberOf(HOSPITAL_2)).isEmpty();
  }

  @Test
  void grantAndRevokeRoleChangeWhatHasRoleAnswers() {
    chain.block = 10;
    passAndExecute(ProposalKind.GRANT_ROLE, payload(bytes32(Role.AUDITOR.id()), address(LAB_1)));
    assertThat(permissionsBool("hasRole", bytes32(Role.AUDITOR.id()), address(LAB_1))).isTrue();

    passAndExecute(
        ProposalKind.REVOKE_ROLE, payload(bytes32(Role.AUDITOR.id()), address(UNIVERSITY_1)));
    assertThat(permissionsBool("hasRole", bytes32(Role.AUDITOR.id()), address(UNIVERSITY_1)))
        .isFalse();
  }

  @Test
  void addAndRemoveNodeChangeTheAllowlist() {
    chain.block = 10;
    passAndExecute(ProposalKind.ADD_NODE, payload(address(NODE_4)));
    assertThat(permissionsBool("isNodeAllowed", address(NODE_4))).isTrue();

    passAndExecute(ProposalKind.REMOVE_NODE, payload(address(NODE_3)));
    assertThat(permissionsBool("isNodeAllowed", address(NODE_3))).isFalse();
  }

  @Test
  void addAndRemoveValidatorChangeTheValidatorSet() {
    chain.block = 10;
    passAndExecute(ProposalKind.ADD_VALIDATOR, payload(address(NODE_3)));
    assertThat(permissions().validators()).containsExactlyInAnyOrder(NODE_1, NODE_2, NODE_3);

    passAndExecute(ProposalKind.REMOVE_VALIDATOR, payload(address(NODE_1)));
    assertThat(permissions().validators()).containsExactlyInAnyOrder(NODE_2, NODE_3);
    assertThat(permissionsBool("isValidator", address(NODE_1))).isFalse();
  }

  @Test
  void anActionThatBecameImpossibleRevertsAndLeavesTheProposalExecutable() {
    chain.block = 10;
    long first = chain.proposeOk(LAB_1, ProposalKind.ADD_NODE, payload(address(NODE_4)));
    long second = chain.proposeOk(LAB_1, ProposalKind.ADD_NODE, payload(address(NODE_4)));
    chain.block = 11;
    voteFor(first);
    voteFor(second);
    chain.block = 43;
    assertThat(chain.execute(STRANGER, first).success()).isTrue();

    CallOutcome again = chain.execute(STRANGER, second);

    assertThat(again.success()).isFalse();
    assertThat(again.revertReason()).contains("node " + NODE_4 + " is already allowed");
    assertThat(chain.state(second)).isEqualTo(ProposalState.SUCCEEDED);
  }

  @Test
  void theGovernorIsTheOnlyWayToChangePermissions() {
    CallOutcome direct = chain.call(Permissions.ADDRESS, WHALE, "addNode", address(NODE_4));

    assertThat(direct.success()).isFalse();
    assertThat(direct.revertReason())
        .hasValueSatisfying(r -> assertThat(r).contains("only the governor"));
  }

  private static Bytes payloadRaisingReward() {
    return QuadraticGovernorTest.setParameter(Parameter.MAX_REWARD_PER_ROUND, tokens(2_000));
  }
}

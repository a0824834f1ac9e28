package org.ailedger.precompiles.governor;

import static org.ailedger.precompiles.governor.GovernorFixtures.LAB_1;
import static org.ailedger.precompiles.governor.GovernorHarness.address;
import static org.ailedger.precompiles.governor.GovernorHarness.bytes32;
import static org.ailedger.precompiles.governor.GovernorHarness.payload;
import static org.ailedger.precompiles.governor.QuadraticGovernorTest.setParameter;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/** What {@code propose} refuses before anyone votes, with the reason a voter would read. */
class ProposalPayloadsTest {
  private final GovernorHarness chain = GovernorFixtures.consortium();

  ProposalPayloadsTest() {
    chain.block = 10;
  }

  private String refusal(ProposalKind kind, Bytes payload) {
    CallOutcome outcome = chain.propose(LAB_1, kind, payload, "");
    assertThat(outcome.success()).as("propose should be refused").isFalse();
    assertThat(chain.viewUint(GovernorHarness.GOVERNOR, "proposalCount")).isZero();
    return outcome.revertReason().orElseThrow();
  }

  @Test
  void outOfBoundsParametersAreRefusedNamingTheBound() {
    assertThat(refusal(ProposalKind.SET_PARAMETER, setParameter(Parameter.CAP_BPS, UInt256.ZERO)))
        .isEqualTo("cannot propose: capBps must be between 1 and 10000, got 0");
    assertThat(
            refusal(
                ProposalKind.SET_PARAMETER,
                setParameter(Parameter.QUORUM_BPS, UInt256.valueOf(10_001))))
        .isEqualTo("cannot propose: quorumBps must be between 1 and 10000, got 10001");
    assertThat(
            refusal(
                ProposalKind.SET_PARAMETER, setParameter(Parameter.VOTING_PERIOD, UInt256.ZERO)))
        .startsWith("cannot propose: votingPeriod must be between 1 and ");
    assertThat(
            refusal(
                ProposalKind.SET_PARAMETER,
                setParameter(Parameter.TIMELOCK_BLOCKS, UInt256.valueOf(1L << 40))))
        .startsWith("cannot propose: timelockBlocks must be between 1 and ");
  }

  @Test
  void boundaryParameterValuesAreAccepted() {
    for (UInt256 value : new UInt256[] {UInt256.ONE, UInt256.valueOf(10_000)}) {
      CallOutcome outcome =
          chain.propose(
              LAB_1, ProposalKind.SET_PARAMETER, setParameter(Parameter.CAP_BPS, value), "");
      assertThat(outcome.success()).as("capBps %s: %s", value, outcome.revertReason()).isTrue();
    }
  }

  @Test
  void unknownParameterNamesAreRefusedListingTheKnownOnes() {
    Bytes32 name = GovernorHarness.member("quorum");

    assertThat(
            refusal(
                ProposalKind.SET_PARAMETER, payload(bytes32(name), new Uint256(BigInteger.TEN))))
        .isEqualTo(
            "unknown governance parameter "
                + name.toHexString()
                + "; parameters are the ASCII names "
                + Parameter.labels()
                + ", right-padded to 32 bytes");
  }

  @Test
  void unknownKindsAreRefusedListingTheKnownOnes() {
    CallOutcome outcome =
        chain.governor(
            LAB_1,
            "propose",
            new Uint8(9),
            new DynamicBytes(payload(address(LAB_1)).toArray()),
            new Utf8String(""));

    assertThat(outcome.revertReason())
        .contains(
            "unknown proposal kind 9; kinds are 0 SetParameter, 1 AddAccount, 2 RemoveAccount,"
                + " 3 GrantRole, 4 RevokeRole, 5 AddNode, 6 RemoveNode, 7 AddValidator,"
                + " 8 RemoveValidator");
  }

  @Test
  void payloadsOfTheWrongSizeAreMalformed() {
    Bytes oneWord = payload(address(LAB_1));

    assertThat(refusal(ProposalKind.ADD_ACCOUNT, oneWord))
        .isEqualTo(
            "malformed payload for proposal kind 1: expected the ABI encoding of"
                + " AddAccount(address account, bytes32 memberId), but it is 32 bytes, not 64");
    assertThat(refusal(ProposalKind.REMOVE_ACCOUNT, Bytes.EMPTY))
        .endsWith("RemoveAccount(address account), but it is 0 bytes, not 32");
    assertThat(refusal(ProposalKind.ADD_NODE, Bytes.concatenate(oneWord, Bytes.of(0))))
        .endsWith("but it is 33 bytes, not 32");
  }

  @Test
  void addressesWithDirtyHighBitsAreMalformed() {
    Bytes dirty =
        Bytes.concatenate(Bytes.of(1), Bytes.wrap(new byte[11]), Address.of(0x504).bytes());

    assertThat(refusal(ProposalKind.ADD_NODE, dirty))
        .endsWith("AddNode(address node), but it is not its canonical ABI encoding");
  }

  @Test
  void unknownRolesZeroAddressesAndZeroMembersAreRefused() {
    Bytes32 notARole = GovernorHarness.member("JANITOR");

    assertThat(refusal(ProposalKind.GRANT_ROLE, payload(bytes32(notARole), address(LAB_1))))
        .startsWith("unknown role " + notARole.toHexString());
    assertThat(refusal(ProposalKind.ADD_NODE, payload(address(Address.ZERO))))
        .isEqualTo("the node of a proposal must not be the zero address");
    assertThat(
            refusal(
                ProposalKind.ADD_ACCOUNT,
                payload(address(Address.of(0xfeed)), bytes32(Bytes32.ZERO))))
        .isEqualTo("the member id of an AddAccount proposal must not be zero");
    assertThat(
            chain
                .propose(
                    LAB_1,
                    ProposalKind.REVOKE_ROLE,
                    payload(bytes32(Role.CONTRIBUTOR.id()), address(LAB_1)),
                    "")
                .success())
        .isTrue();
  }

  @Test
  void descriptionsLongerThanTheLimitAreRefused() {
    Bytes payload = setParameter(Parameter.CAP_BPS, UInt256.valueOf(500));
    String atLimit = "é".repeat(QuadraticGovernor.MAX_DESCRIPTION_BYTES / 2);

    CallOutcome tooLong = chain.propose(LAB_1, ProposalKind.SET_PARAMETER, payload, atLimit + "x");
    CallOutcome fits = chain.propose(LAB_1, ProposalKind.SET_PARAMETER, payload, atLimit);

    assertThat(tooLong.revertReason())
        .contains("the description is 2049 bytes of UTF-8; the limit is 2048");
    assertThat(fits.success()).as("%s", fits.revertReason()).isTrue();
    assertThat(chain.proposal(1).get(4).getValue()).isEqualTo(atLimit);
  }
}

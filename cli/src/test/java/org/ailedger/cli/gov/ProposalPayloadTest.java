package org.ailedger.cli.gov;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.governor.ProposalKind;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

class ProposalPayloadTest {
  private static final Address ACCOUNT =
      Address.fromHex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

  @Test
  void grantRoleIsTheAbiEncodingOfRoleIdAndAccount() {
    Bytes payload = ProposalPayload.role(Role.CONTRIBUTOR, ACCOUNT);

    assertThat(payload)
        .isEqualTo(
            abi(
                new org.web3j.abi.datatypes.generated.Bytes32(Role.CONTRIBUTOR.id().toArray()),
                new org.web3j.abi.datatypes.Address(ACCOUNT.toHexString())));
  }

  @Test
  void setParameterIsTheAbiEncodingOfTheAsciiNameAndTheValue() {
    Bytes payload = ProposalPayload.setParameter(Parameter.CAP_BPS, BigInteger.valueOf(1500));

    assertThat(payload)
        .isEqualTo(
            abi(
                new org.web3j.abi.datatypes.generated.Bytes32(Parameter.CAP_BPS.key().toArray()),
                new Uint256(1500)));
    assertThat(payload.slice(0, 6).toArray()).isEqualTo("capBps".getBytes());
  }

  @Test
  void addAccountDecodesToTheMembersName() {
    Bytes32 member = Bytes32.rightPad(Bytes.wrap("holder-two".getBytes()));

    ObjectNode action =
        ProposalPayload.describe(
            ProposalKind.ADD_ACCOUNT, ProposalPayload.addAccount(ACCOUNT, member));

    assertThat(action.get("kind").asText()).isEqualTo("AddAccount");
    assertThat(action.get("account").asText()).isEqualTo(ACCOUNT.toHexString());
    assertThat(action.get("member").asText()).isEqualTo("holder-two");
    assertThat(action.get("summary").asText())
        .isEqualTo("add account " + ACCOUNT + " to member holder-two");
  }

  @Test
  void tokenParametersDecodeAsDecimalTokens() {
    BigInteger tokens = BigInteger.valueOf(2_500).multiply(BigInteger.TEN.pow(17)); // 250 ACT

    ObjectNode action =
        ProposalPayload.describe(
            ProposalKind.SET_PARAMETER,
            ProposalPayload.setParameter(Parameter.PROPOSAL_THRESHOLD, tokens));

    assertThat(action.get("summary").asText()).isEqualTo("set proposalThreshold to 250 ACT");
  }

  @Test
  void revokeRoleOfAnUnknownRoleShowsTheIdInHex() {
    Bytes32 unknown = Bytes32.fromHexString("0x" + "11".repeat(32));

    ObjectNode action =
        ProposalPayload.describe(
            ProposalKind.REVOKE_ROLE, Bytes.concatenate(unknown, ACCOUNT.toWord()));

    assertThat(action.get("role").asText()).isEqualTo(unknown.toHexString());
    assertThat(action.get("summary").asText())
        .startsWith("revoke 0x1111")
        .endsWith("from " + ACCOUNT);
  }

  @Test
  void aPayloadOfTheWrongSizeIsShownAsHex() {
    ObjectNode action =
        ProposalPayload.describe(ProposalKind.ADD_NODE, Bytes.fromHexString("0x1234"));

    assertThat(action.get("payload").asText()).isEqualTo("0x1234");
    assertThat(action.get("summary").asText()).contains("undecodable");
  }

  @SuppressWarnings("rawtypes")
  private static Bytes abi(Type... values) {
    return Bytes.fromHexString(FunctionEncoder.encodeConstructor(List.of(values)));
  }
}

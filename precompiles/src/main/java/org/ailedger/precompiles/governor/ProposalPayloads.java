package org.ailedger.precompiles.governor;

import java.util.List;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Uint;

/**
 * Turns {@code propose}'s {@code (kind, payload)} into a {@link ProposalAction}, refusing anything
 * that could never be executed: an unknown kind, a payload that is not exactly the canonical
 * encoding of the kind's parameters, an unknown parameter or a value outside its bounds, an unknown
 * role, a zero address or member id. Voters then only ever vote on something that can happen.
 */
final class ProposalPayloads {
  private ProposalPayloads() {}

  static ProposalKind kind(UInt256 code) {
    return ProposalKind.fromCode(code)
        .orElseThrow(
            () ->
                new ContractRevert(
                    "unknown proposal kind "
                        + code.toDecimalString()
                        + "; kinds are "
                        + ProposalKind.catalogue()));
  }

  @SuppressWarnings("rawtypes")
  static ProposalAction decode(ProposalKind kind, Bytes payload) {
    if (payload.size() != kind.payloadSize()) {
      throw malformed(kind, "it is " + payload.size() + " bytes, not " + kind.payloadSize());
    }
    List<Type> values =
        kind.codec()
            .decode(payload)
            .orElseThrow(() -> malformed(kind, "it is not its canonical ABI encoding"));
    return switch (kind) {
      case SET_PARAMETER -> setParameter(word(values, 0), uint(values, 1));
      case ADD_ACCOUNT ->
          new ProposalAction.AddAccount(
              nonZero(address(values, 0), "account"), member(word(values, 1)));
      case REMOVE_ACCOUNT -> new ProposalAction.RemoveAccount(address(values, 0));
      case GRANT_ROLE ->
          new ProposalAction.GrantRole(
              role(word(values, 0)), nonZero(address(values, 1), "account"));
      case REVOKE_ROLE -> new ProposalAction.RevokeRole(role(word(values, 0)), address(values, 1));
      case ADD_NODE -> new ProposalAction.AddNode(nonZero(address(values, 0), "node"));
      case REMOVE_NODE -> new ProposalAction.RemoveNode(address(values, 0));
      case ADD_VALIDATOR ->
          new ProposalAction.AddValidator(nonZero(address(values, 0), "validator"));
      case REMOVE_VALIDATOR -> new ProposalAction.RemoveValidator(address(values, 0));
    };
  }

  private static ProposalAction setParameter(Bytes32 name, UInt256 value) {
    Parameter parameter =
        Parameter.fromKey(name)
            .orElseThrow(
                () ->
                    new ContractRevert(
                        "unknown governance parameter "
                            + name.toHexString()
                            + "; parameters are the ASCII names "
                            + Parameter.labels()
                            + ", right-padded to 32 bytes"));
    parameter
        .violation(value)
        .ifPresent(
            reason -> {
              throw new ContractRevert("cannot propose: " + reason);
            });
    return new ProposalAction.SetParameter(parameter, value);
  }

  private static Role role(Bytes32 id) {
    return Role.fromId(id)
        .orElseThrow(
            () ->
                new ContractRevert(
                    "unknown role "
                        + id.toHexString()
                        + "; roles are keccak256 of MODEL_OWNER, AGGREGATOR, CONTRIBUTOR,"
                        + " AUDITOR"));
  }

  private static Bytes32 member(Bytes32 id) {
    if (id.isZero()) {
      throw new ContractRevert("the member id of an AddAccount proposal must not be zero");
    }
    return id;
  }

  private static Address nonZero(Address address, String what) {
    if (address.equals(Address.ZERO)) {
      throw new ContractRevert("the " + what + " of a proposal must not be the zero address");
    }
    return address;
  }

  private static ContractRevert malformed(ProposalKind kind, String why) {
    return new ContractRevert(
        "malformed payload for proposal kind "
            + kind.code()
            + ": expected the ABI encoding of "
            + kind.payloadDeclaration()
            + ", but "
            + why);
  }

  @SuppressWarnings("rawtypes")
  private static Bytes32 word(List<Type> values, int index) {
    return Bytes32.wrap(
        ((org.web3j.abi.datatypes.generated.Bytes32) values.get(index)).getValue().clone());
  }

  @SuppressWarnings("rawtypes")
  private static UInt256 uint(List<Type> values, int index) {
    return UInt256.valueOf(((Uint) values.get(index)).getValue());
  }

  @SuppressWarnings("rawtypes")
  private static Address address(List<Type> values, int index) {
    var value = (org.web3j.abi.datatypes.Address) values.get(index);
    return Address.fromWord(UInt256.valueOf(value.toUint().getValue()).toBytes());
  }
}

package org.ailedger.cli.gov;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Optional;
import org.ailedger.cli.client.Output;
import org.ailedger.precompiles.governance.Parameter;
import org.ailedger.precompiles.governor.ProposalKind;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A proposal's payload both ways. Every kind's parameters are static ABI types (bytes32, address,
 * uint256), so the canonical encoding is one 32-byte word per parameter in declaration order:
 * addresses and numbers left-padded, bytes32 as they are. Decoding shows a voter what a proposal
 * would do in the names they typed it with.
 */
final class ProposalPayload {
  private static final int WORD = 32;

  private ProposalPayload() {}

  static Bytes setParameter(Parameter parameter, BigInteger value) {
    return Bytes.concatenate(parameter.key(), UInt256.valueOf(value).toBytes());
  }

  static Bytes addAccount(Address account, Bytes32 memberId) {
    return Bytes.concatenate(account.toWord(), memberId);
  }

  /** RemoveAccount, AddNode, RemoveNode, AddValidator, RemoveValidator: one address. */
  static Bytes address(Address address) {
    return address.toWord();
  }

  /** GrantRole and RevokeRole. */
  static Bytes role(Role role, Address account) {
    return Bytes.concatenate(role.id(), account.toWord());
  }

  /**
   * The payload in readable fields plus a one-line {@code summary}; a payload that is not one of
   * the kind's encodings (the contract refuses those, so only a foreign node could answer one) is
   * shown as hex.
   */
  static ObjectNode describe(ProposalKind kind, Bytes payload) {
    ObjectNode json = Output.object().put("kind", kind.label());
    if (payload.size() != words(kind) * WORD) {
      return json.put("payload", payload.toHexString())
          .put("summary", kind.label() + " (undecodable payload)");
    }
    return switch (kind) {
      case SET_PARAMETER -> {
        Bytes32 name = word(payload, 0);
        BigInteger value = word(payload, 1).toUnsignedBigInteger();
        Optional<Parameter> parameter = Parameter.fromKey(name);
        String label = parameter.map(Parameter::label).orElse(name.toHexString());
        String shown =
            parameter.map(p -> ParameterValues.format(p, value)).orElse(value.toString());
        String unit = parameter.map(p -> ParameterValues.unit(p).label()).orElse("");
        json.put("parameter", label).put("value", shown);
        if (!unit.isEmpty()) {
          json.put("unit", unit);
        }
        yield json.put(
            "summary", "set " + label + " to " + shown + (unit.isEmpty() ? "" : " " + unit));
      }
      case ADD_ACCOUNT -> {
        Address account = account(payload, 0);
        Bytes32 member = word(payload, 1);
        yield json.put("account", account.toHexString())
            .put("member", GovernanceNames.memberName(member))
            .put("memberId", member.toHexString())
            .put(
                "summary",
                "add account " + account + " to member " + GovernanceNames.memberName(member));
      }
      case REMOVE_ACCOUNT -> single(json, "account", account(payload, 0), "remove account ");
      case GRANT_ROLE, REVOKE_ROLE -> {
        Bytes32 role = word(payload, 0);
        Address account = account(payload, 1);
        String name = GovernanceNames.roleName(role);
        yield json.put("role", name)
            .put("roleId", role.toHexString())
            .put("account", account.toHexString())
            .put(
                "summary",
                kind == ProposalKind.GRANT_ROLE
                    ? "grant " + name + " to " + account
                    : "revoke " + name + " from " + account);
      }
      case ADD_NODE -> single(json, "node", account(payload, 0), "allow node ");
      case REMOVE_NODE -> single(json, "node", account(payload, 0), "disallow node ");
      case ADD_VALIDATOR -> single(json, "validator", account(payload, 0), "add validator ");
      case REMOVE_VALIDATOR -> single(json, "validator", account(payload, 0), "remove validator ");
    };
  }

  /** How many parameters, so words, the kind's payload has. */
  static int words(ProposalKind kind) {
    return switch (kind) {
      case SET_PARAMETER, ADD_ACCOUNT, GRANT_ROLE, REVOKE_ROLE -> 2;
      case REMOVE_ACCOUNT, ADD_NODE, REMOVE_NODE, ADD_VALIDATOR, REMOVE_VALIDATOR -> 1;
    };
  }

  private static ObjectNode single(ObjectNode json, String field, Address address, String verb) {
    return json.put(field, address.toHexString()).put("summary", verb + address);
  }

  private static Bytes32 word(Bytes payload, int index) {
    return Bytes32.wrap(payload.slice(index * WORD, WORD));
  }

  private static Address account(Bytes payload, int index) {
    return Address.fromWord(word(payload, index));
  }
}

package org.ailedger.precompiles.governor;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ailedger.precompiles.abi.AbiCodec;
import org.ailedger.precompiles.abi.AbiSignature;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * What a proposal does when executed, with the code {@code propose} takes and the parameter list
 * its payload is ABI-encoded as (both fixed by the product design). Every payload is a fixed number
 * of words, so its size is exact.
 */
public enum ProposalKind {
  SET_PARAMETER(0, "SetParameter(bytes32 name, uint256 value)"),
  ADD_ACCOUNT(1, "AddAccount(address account, bytes32 memberId)"),
  REMOVE_ACCOUNT(2, "RemoveAccount(address account)"),
  GRANT_ROLE(3, "GrantRole(bytes32 role, address account)"),
  REVOKE_ROLE(4, "RevokeRole(bytes32 role, address account)"),
  ADD_NODE(5, "AddNode(address node)"),
  REMOVE_NODE(6, "RemoveNode(address node)"),
  ADD_VALIDATOR(7, "AddValidator(address validator)"),
  REMOVE_VALIDATOR(8, "RemoveValidator(address validator)");

  private static final int WORD = 32;

  private final int code;
  private final AbiSignature payload;
  private final AbiCodec codec;

  ProposalKind(int code, String payload) {
    this.code = code;
    this.payload = AbiSignature.parse(payload);
    this.codec = AbiCodec.of(this.payload.inputTypes());
  }

  public int code() {
    return code;
  }

  /** E.g. {@code SetParameter(bytes32 name, uint256 value)}. */
  public String payloadDeclaration() {
    return payload.name()
        + payload.inputs().stream()
            .map(p -> p.type().name() + " " + p.name())
            .collect(Collectors.joining(", ", "(", ")"));
  }

  /** E.g. {@code SetParameter}. */
  public String label() {
    return payload.name();
  }

  AbiCodec codec() {
    return codec;
  }

  /** The exact size of an encoded payload: one word per parameter. */
  int payloadSize() {
    return WORD * payload.inputs().size();
  }

  public static Optional<ProposalKind> fromCode(UInt256 code) {
    if (!code.fitsInt()) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(kind -> kind.code == code.intValue()).findFirst();
  }

  /** "0 SetParameter, 1 AddAccount, …", for reasons that list what exists. */
  static String catalogue() {
    return Arrays.stream(values())
        .map(kind -> kind.code + " " + kind.label())
        .collect(Collectors.joining(", "));
  }
}

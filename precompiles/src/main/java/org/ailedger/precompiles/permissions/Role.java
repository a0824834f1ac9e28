package org.ailedger.precompiles.permissions;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes32;

/** The roles Permissions grants; on chain a role is keccak256 of its name. */
public enum Role {
  MODEL_OWNER,
  AGGREGATOR,
  CONTRIBUTOR,
  AUDITOR;

  private final Bytes32 id = Bytes32.wrap(Keccak.hash(name().getBytes(StandardCharsets.US_ASCII)));

  /** keccak256 of the name, e.g. {@code keccak256("CONTRIBUTOR")}. */
  public Bytes32 id() {
    return id;
  }

  public static Optional<Role> fromId(Bytes32 id) {
    return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
  }
}

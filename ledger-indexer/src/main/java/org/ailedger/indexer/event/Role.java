package org.ailedger.indexer.event;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.crypto.Hash;

/** The roles Permissions knows; on chain a role is keccak256 of its name. */
public enum Role {
  MODEL_OWNER,
  AGGREGATOR,
  CONTRIBUTOR,
  AUDITOR;

  private final Bytes32 id = Bytes32.fromHexString(Hash.sha3String(name()));

  /** keccak256 of the role's name, the id the contract takes and emits. */
  public Bytes32 id() {
    return id;
  }

  /** The role whose id is {@code id}, if it is one of the known ones. */
  public static Optional<Role> of(Bytes32 id) {
    for (Role role : values()) {
      if (role.id.equals(id)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}

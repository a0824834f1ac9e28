package org.ailedger.indexer.event;

import java.util.Optional;

/** The five native contracts the indexer follows, at their fixed addresses (DESIGN §4). */
public enum NativeContract {
  PERMISSIONS("0x0000000000000000000000000000000000001000"),
  MODEL_REGISTRY("0x0000000000000000000000000000000000001001"),
  DATA_PROVENANCE("0x0000000000000000000000000000000000001002"),
  CONTRIBUTION_TOKEN("0x0000000000000000000000000000000000001003"),
  QUADRATIC_GOVERNOR("0x0000000000000000000000000000000000001004");

  private final EthAddress address;

  NativeContract(String address) {
    this.address = EthAddress.fromHex(address);
  }

  public EthAddress address() {
    return address;
  }

  /** The contract at {@code address}, if it is one of the five. */
  public static Optional<NativeContract> at(EthAddress address) {
    for (NativeContract contract : values()) {
      if (contract.address.equals(address)) {
        return Optional.of(contract);
      }
    }
    return Optional.empty();
  }
}

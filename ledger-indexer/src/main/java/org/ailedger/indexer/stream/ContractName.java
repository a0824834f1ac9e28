package org.ailedger.indexer.stream;

import java.util.Arrays;
import java.util.Optional;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.NativeContract;

/** A native contract as clients name it: its Solidity name, or its address. */
public final class ContractName {
  private ContractName() {}

  /** The Solidity name, e.g. {@code ModelRegistry}. */
  public static String of(NativeContract contract) {
    return switch (contract) {
      case PERMISSIONS -> "Permissions";
      case MODEL_REGISTRY -> "ModelRegistry";
      case DATA_PROVENANCE -> "DataProvenance";
      case CONTRIBUTION_TOKEN -> "ContributionToken";
      case QUADRATIC_GOVERNOR -> "QuadraticGovernor";
    };
  }

  /** The contract named (case-insensitively) or at the address {@code text}, if it is one. */
  public static Optional<NativeContract> parse(String text) {
    Optional<NativeContract> byName =
        Arrays.stream(NativeContract.values())
            .filter(contract -> of(contract).equalsIgnoreCase(text))
            .findFirst();
    if (byName.isPresent() || !text.matches("0x[0-9a-fA-F]{40}")) {
      return byName;
    }
    return NativeContract.at(EthAddress.fromHex(text));
  }
}

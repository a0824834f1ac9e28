package org.ailedger.node.cli.client;

import java.util.List;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/** Turns ABI-encoded {@code Error(string)} revert data into its sentence. */
final class RevertReasons {
  private static final String ERROR_SELECTOR = "0x08c379a0";

  private RevertReasons() {}

  @SuppressWarnings("rawtypes")
  static String decode(String revertData) {
    if (revertData == null || !revertData.startsWith(ERROR_SELECTOR)) {
      return String.valueOf(revertData);
    }
    try {
      List<Type> values = FunctionReturnDecoder.decode("0x" + revertData.substring(ERROR_SELECTOR.length()),
          List.of(TypeReference.create((Class<Type>) (Class<?>) Utf8String.class)));
      return values.isEmpty() ? revertData : values.get(0).getValue().toString();
    } catch (RuntimeException e) {
      return revertData;
    }
  }
}

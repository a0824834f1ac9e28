package org.ailedger.cli.client;

import java.util.List;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.protocol.core.Response;

/** Turns a node's revert answers into the contract's sentence. */
final class RevertReasons {
  private static final String ERROR_SELECTOR = "0x08c379a0";

  /** geth's phrase, which this node and Besu put before the reason of eth_call/eth_estimateGas. */
  private static final String REVERTED = "execution reverted";

  private RevertReasons() {}

  /** ABI-encoded {@code Error(string)} revert data as its sentence; other data as it is. */
  @SuppressWarnings("rawtypes")
  static String decode(String revertData) {
    if (revertData == null || !revertData.startsWith(ERROR_SELECTOR)) {
      return String.valueOf(revertData);
    }
    try {
      List<Type> values =
          FunctionReturnDecoder.decode(
              "0x" + revertData.substring(ERROR_SELECTOR.length()),
              List.of(TypeReference.create((Class<Type>) (Class<?>) Utf8String.class)));
      return values.isEmpty() ? revertData : values.get(0).getValue().toString();
    } catch (RuntimeException e) {
      return revertData;
    }
  }

  /**
   * The reason of a JSON-RPC error: the contract's sentence for a revert ("execution reverted:
   * round 3 of model 0x… is closed" becomes the sentence alone), the node's message otherwise.
   */
  static String of(Response.Error error) {
    String message = error.getMessage() == null ? "error " + error.getCode() : error.getMessage();
    if (message.startsWith(REVERTED + ": ")) {
      return message.substring(REVERTED.length() + 2);
    }
    if (message.equals(REVERTED) && error.getData() != null) {
      // web3j hands over error.data as raw JSON text: a hex string keeps its quotes
      String data = error.getData().replace("\"", "").trim();
      return data.startsWith(ERROR_SELECTOR) ? decode(data) : message;
    }
    return message;
  }
}

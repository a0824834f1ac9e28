package org.ailedger.node.rpc.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Parses the call object of eth_call/eth_estimateGas. Fee fields are checked for form and
 * consistency so a malformed object is refused like geth refuses it, although the simulation itself
 * does not charge fees. Unknown members are ignored, as wallets add their own.
 */
public final class CallParser {
  private CallParser() {}

  /** The parsed call; {@code gas} is empty when the client left it to the node. */
  public record ParsedCall(
      Optional<Address> from, Optional<Address> to, OptionalLong gas, UInt256 value, Bytes data) {}

  public static ParsedCall call(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw HexParser.invalid(where, "want a call object, got " + HexParser.describe(node));
    }
    Optional<Address> from = member(node, "from").map(n -> HexParser.address(n, where + ".from"));
    Optional<Address> to = member(node, "to").map(n -> HexParser.address(n, where + ".to"));
    OptionalLong gas =
        member(node, "gas")
            .map(n -> OptionalLong.of(HexParser.quantityLong(n, where + ".gas")))
            .orElse(OptionalLong.empty());
    Optional<UInt256> gasPrice = fee(node, "gasPrice", where);
    Optional<UInt256> maxFee = fee(node, "maxFeePerGas", where);
    Optional<UInt256> maxPriorityFee = fee(node, "maxPriorityFeePerGas", where);
    if (gasPrice.isPresent() && (maxFee.isPresent() || maxPriorityFee.isPresent())) {
      throw HexParser.invalid(
          where, "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    if (maxFee.isPresent()
        && maxPriorityFee.isPresent()
        && maxPriorityFee.get().compareTo(maxFee.get()) > 0) {
      throw HexParser.invalid(where, "maxPriorityFeePerGas is higher than maxFeePerGas");
    }
    member(node, "nonce").ifPresent(n -> HexParser.quantityLong(n, where + ".nonce"));
    UInt256 value =
        member(node, "value")
            .map(n -> HexParser.quantityUInt256(n, where + ".value"))
            .orElse(UInt256.ZERO);
    Optional<Bytes> data = member(node, "data").map(n -> HexParser.data(n, where + ".data"));
    Optional<Bytes> input = member(node, "input").map(n -> HexParser.data(n, where + ".input"));
    if (data.isPresent() && input.isPresent() && !data.get().equals(input.get())) {
      throw HexParser.invalid(where, "both \"data\" and \"input\" are set and not equal");
    }
    return new ParsedCall(from, to, gas, value, input.or(() -> data).orElse(Bytes.EMPTY));
  }

  private static Optional<UInt256> fee(JsonNode node, String name, String where) {
    return member(node, name).map(n -> HexParser.quantityUInt256(n, where + "." + name));
  }

  private static Optional<JsonNode> member(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }
}

package org.ailedger.node.rpc.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The positional parameters of one call. Every accessor names the argument by index and name in its
 * error, e.g. {@code invalid argument 1 (block): hex number "0x01" has leading zero digits}. A
 * trailing {@code null} counts as absent, as in geth.
 */
public final class RpcParams {
  private final List<JsonNode> values;

  private RpcParams(List<JsonNode> values) {
    this.values = values;
  }

  /** From the request's {@code params} member: absent, null or an array. */
  public static RpcParams of(JsonNode params) {
    if (params == null || params.isNull() || params.isMissingNode()) {
      return new RpcParams(List.of());
    }
    if (!params.isArray()) {
      throw RpcException.invalidParams(
          "params must be an array: this server takes positional params, not "
              + HexParser.describe(params));
    }
    List<JsonNode> values = new ArrayList<>(params.size());
    params.forEach(values::add);
    return new RpcParams(values);
  }

  public static RpcParams empty() {
    return new RpcParams(List.of());
  }

  public int size() {
    return values.size();
  }

  /** Refuses surplus arguments, which usually mean the client called the wrong method. */
  public RpcParams expectAtMost(int max) {
    int given = values.size();
    while (given > max && values.get(given - 1).isNull()) {
      given--;
    }
    if (given > max) {
      throw RpcException.invalidParams(
          "too many arguments: want at most " + max + ", got " + given);
    }
    return this;
  }

  public boolean has(int index) {
    return index < values.size() && !values.get(index).isNull();
  }

  public JsonNode required(int index, String name) {
    if (!has(index)) {
      throw RpcException.invalidParams("missing value for required " + where(index, name));
    }
    return values.get(index);
  }

  public Optional<JsonNode> optional(int index) {
    return has(index) ? Optional.of(values.get(index)) : Optional.empty();
  }

  public Address address(int index, String name) {
    return HexParser.address(required(index, name), where(index, name));
  }

  public Bytes32 hash(int index, String name) {
    return HexParser.hash(required(index, name), where(index, name));
  }

  public Bytes data(int index, String name) {
    return HexParser.data(required(index, name), where(index, name));
  }

  public long quantity(int index, String name) {
    return HexParser.quantityLong(required(index, name), where(index, name));
  }

  public boolean bool(int index, String name) {
    JsonNode node = required(index, name);
    if (!node.isBoolean()) {
      throw HexParser.invalid(
          where(index, name), "want a boolean, got " + HexParser.describe(node));
    }
    return node.booleanValue();
  }

  public String string(int index, String name) {
    JsonNode node = required(index, name);
    if (!node.isTextual()) {
      throw HexParser.invalid(where(index, name), "want a string, got " + HexParser.describe(node));
    }
    return node.textValue();
  }

  /** A tag or number; absent means "latest". */
  public BlockParameter blockNumberOrTag(int index, String name) {
    return has(index)
        ? BlockParameter.numberOrTag(values.get(index), where(index, name))
        : BlockParameter.LATEST;
  }

  /** A tag, number or EIP-1898 hash; absent means "latest". */
  public BlockParameter blockNumberTagOrHash(int index, String name) {
    return has(index)
        ? BlockParameter.numberTagOrHash(values.get(index), where(index, name))
        : BlockParameter.LATEST;
  }

  /** How errors name an argument: {@code argument 0 (address)}. */
  public static String where(int index, String name) {
    return "argument " + index + " (" + name + ")";
  }
}

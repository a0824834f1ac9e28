package org.ailedger.node.rpc.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Strict parsing of hex parameters, with geth's rules tightened to the execution-apis patterns: a
 * QUANTITY is a string {@code 0x} (lower case) followed by hex digits without leading zeros; DATA
 * has an even number of digits. Anything else is an invalid-params error naming where the value was
 * and what is wrong with it.
 */
public final class HexParser {
  private static final int MAX_QUOTED = 72;

  private HexParser() {}

  /** A QUANTITY that fits a signed 64-bit value (block numbers, gas, nonces). */
  public static long quantityLong(JsonNode node, String where) {
    String digits = quantityDigits(node, where);
    if (digits.length() > 16) {
      throw invalid(where, "hex number " + quote(node) + " exceeds 64 bits");
    }
    BigInteger value = new BigInteger(digits, 16);
    if (value.bitLength() > 63) {
      throw invalid(where, "hex number " + quote(node) + " exceeds 2^63-1");
    }
    return value.longValueExact();
  }

  /** A QUANTITY of up to 256 bits (wei amounts, fees). */
  public static UInt256 quantityUInt256(JsonNode node, String where) {
    String digits = quantityDigits(node, where);
    if (digits.length() > 64) {
      throw invalid(where, "hex number " + quote(node) + " exceeds 256 bits");
    }
    return UInt256.valueOf(new BigInteger(digits, 16));
  }

  /** DATA of any length: {@code 0x} and an even number of hex digits. */
  public static Bytes data(JsonNode node, String where) {
    String digits = hexDigits(node, where, "hex data");
    if (digits.length() % 2 != 0) {
      throw invalid(where, "hex data " + quote(node) + " has an odd number of digits");
    }
    return Bytes.fromHexString("0x" + digits);
  }

  /** DATA of exactly {@code size} bytes. */
  public static Bytes fixedData(JsonNode node, String where, int size, String kind) {
    String digits = hexDigits(node, where, kind);
    if (digits.length() != size * 2) {
      throw invalid(
          where,
          kind + " has " + size * 2 + " hex digits, got " + digits.length() + " in " + quote(node));
    }
    return Bytes.fromHexString("0x" + digits);
  }

  public static Address address(JsonNode node, String where) {
    return new Address(fixedData(node, where, Address.SIZE, "an address"));
  }

  public static Bytes32 hash(JsonNode node, String where) {
    return Bytes32.wrap(fixedData(node, where, 32, "a hash"));
  }

  /**
   * A storage slot: up to 32 bytes of hex, leading zeros allowed and left-padded, as geth accepts
   * it (tools send both {@code "0x0"} and the full 32-byte word).
   */
  public static Bytes32 storageSlot(JsonNode node, String where) {
    String digits = hexDigits(node, where, "a storage slot");
    if (digits.isEmpty() || digits.length() > 64) {
      throw invalid(where, "a storage slot has 1 to 64 hex digits, got " + digits.length());
    }
    return Bytes32.leftPad(
        Bytes.fromHexString("0x" + (digits.length() % 2 == 0 ? digits : "0" + digits)));
  }

  private static String quantityDigits(JsonNode node, String where) {
    String digits = hexDigits(node, where, "a hex number");
    if (digits.isEmpty()) {
      throw invalid(where, "hex number " + quote(node) + " has no digits");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw invalid(where, "hex number " + quote(node) + " has leading zero digits");
    }
    return digits;
  }

  /** The digits after {@code 0x}, each checked to be hex. */
  private static String hexDigits(JsonNode node, String where, String kind) {
    if (node == null || !node.isTextual()) {
      throw invalid(where, "want " + kind + " as a 0x-prefixed string, got " + describe(node));
    }
    String text = node.textValue();
    if (text.startsWith("0X")) {
      // the execution-apis patterns all start with a lower-case ^0x; geth's lenience is not spec
      throw invalid(where, kind + " " + quote(node) + " has an upper-case 0X prefix; want 0x");
    }
    if (!text.startsWith("0x")) {
      throw invalid(where, kind + " " + quote(node) + " lacks the 0x prefix");
    }
    for (int i = 2; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        throw invalid(where, kind + " " + quote(node) + " has a non-hex character at " + i);
      }
    }
    return text.substring(2);
  }

  public static RpcException invalid(String where, String reason) {
    return RpcException.invalidParams("invalid " + where + ": " + reason);
  }

  /** The value as the client sent it, shortened: a 4 MiB string must not come back whole. */
  public static String quote(JsonNode node) {
    String text = node.isTextual() ? node.textValue() : node.toString();
    String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
    return "\"" + shown + "\"";
  }

  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case NULL -> "null";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case STRING -> "a string";
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case BINARY -> "binary data";
      case MISSING -> "nothing";
    };
  }
}

package org.ailedger.node.rpc.json;

import java.math.BigInteger;
import java.util.Locale;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The two Ethereum JSON-RPC hex encodings: QUANTITY ({@code 0x}-hex without leading zeros, {@code
 * "0x0"} for zero) and DATA ({@code 0x}-hex of whole bytes, lower case).
 */
public final class Hex {
  private Hex() {}

  public static String quantity(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("quantities are unsigned: " + value);
    }
    return "0x" + Long.toHexString(value);
  }

  public static String quantity(UInt256 value) {
    return quantity(value.toBigInteger());
  }

  public static String quantity(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("quantities are unsigned: " + value);
    }
    return "0x" + value.toString(16);
  }

  public static String data(Bytes value) {
    return value.toHexString().toLowerCase(Locale.ROOT);
  }

  public static String address(Address address) {
    return address.toHexString();
  }
}

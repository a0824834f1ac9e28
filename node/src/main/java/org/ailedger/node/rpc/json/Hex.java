package org.ailedger.node.rpc.json;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The two Ethereum JSON-RPC hex encodings: QUANTITY ({@code 0x}-hex without leading zeros, {@code
 * "0x0"} for zero) and DATA ({@code 0x}-hex of whole bytes, lower case).
 */
public final class Hex {
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

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
    // by table into Latin-1 bytes: every block and receipt answer carries a 256-byte bloom and
    // several hashes, and the general-purpose encoders cost more than the rest of the answer
    byte[] in = value.toArrayUnsafe();
    byte[] out = new byte[2 + 2 * in.length];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0, at = 2; i < in.length; i++, at += 2) {
      out[at] = DIGITS[(in[i] >> 4) & 0xf];
      out[at + 1] = DIGITS[in[i] & 0xf];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  public static String address(Address address) {
    return address.toHexString();
  }
}

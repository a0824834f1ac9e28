package org.ailedger.node.genesis;

import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Member ids are bytes32. Genesis files may write them as a readable name (ASCII, at most 32
 * characters, right-padded with zeros like Solidity's {@code bytes32("acme")}) or as 0x-hex.
 */
public final class MemberIds {
  private MemberIds() {}

  public static Bytes32 parse(String text) {
    if (text.startsWith("0x")) {
      Bytes raw = Bytes.fromHexString(text);
      if (raw.size() != 32) {
        throw new IllegalArgumentException("a hex member id has 32 bytes: " + text);
      }
      return Bytes32.wrap(raw);
    }
    byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
    if (ascii.length == 0
        || ascii.length > 32
        || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      throw new IllegalArgumentException("a member name is 1 to 32 ASCII characters: " + text);
    }
    return Bytes32.rightPad(Bytes.wrap(ascii));
  }

  /** The readable form: the name if the id is right-padded printable ASCII, else hex. */
  public static String format(Bytes32 id) {
    Bytes trimmed = id.trimTrailingZeros();
    for (int i = 0; i < trimmed.size(); i++) {
      int c = trimmed.get(i) & 0xFF;
      if (c < 0x20 || c > 0x7E) {
        return id.toHexString();
      }
    }
    return trimmed.isEmpty()
        ? id.toHexString()
        : new String(trimmed.toArrayUnsafe(), StandardCharsets.US_ASCII);
  }
}

package org.ailedger.cli.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.apache.tuweni.bytes.Bytes;

/** The output forms of chain values: lower-case {@code 0x} hex, decimal token strings. */
public final class JsonValues {
  private JsonValues() {}

  public static String hex(byte[] bytes) {
    return Bytes.wrap(bytes).toHexString().toLowerCase(Locale.ROOT);
  }

  public static String address(String address) {
    return address.toLowerCase(Locale.ROOT);
  }

  public static String tokens(BigInteger baseUnits) {
    return TokenAmount.ofBaseUnits(baseUnits).toString();
  }

  public static ArrayNode hexList(List<byte[]> values) {
    ArrayNode array = Output.array();
    values.forEach(v -> array.add(hex(v)));
    return array;
  }
}

package org.ailedger.indexer.event;

import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A governed parameter's name, e.g. {@code capBps}. On chain it is its ASCII bytes right-padded
 * with zeros to 32 bytes.
 */
public record ParameterName(String text) {
  public ParameterName {
    if (text == null
        || text.isEmpty()
        || text.length() > Bytes32.SIZE
        || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      throw new IllegalArgumentException("a parameter name has 1..32 ASCII characters: " + text);
    }
  }

  /** The name a bytes32 carries, without its zero padding. */
  public static ParameterName of(Bytes32 padded) {
    int end = Bytes32.SIZE;
    while (end > 0 && padded.get(end - 1) == 0) {
      end--;
    }
    return new ParameterName(
        new String(padded.slice(0, end).toArrayUnsafe(), StandardCharsets.US_ASCII));
  }

  /** The 32-byte form {@code getParameter} takes and {@code ParameterChanged} carries. */
  public Bytes32 padded() {
    return Bytes32.rightPad(Bytes.wrap(text.getBytes(StandardCharsets.US_ASCII)));
  }
}

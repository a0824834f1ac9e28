package org.ailedger.indexer.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page ended: the natural key (block number, log index) of its last row. Clients see it
 * only as an opaque token, so its form may change without breaking them.
 */
record PageKey(long blockNumber, int logIndex) {
  private static final String VERSION = "v1";

  PageKey {
    if (blockNumber < 0 || logIndex < 0) {
      throw new IllegalArgumentException("negative page key " + blockNumber + ":" + logIndex);
    }
  }

  String token() {
    String plain = VERSION + ":" + blockNumber + ":" + logIndex;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /** The key a token holds, or empty if it is not a token this indexer issued. */
  static Optional<PageKey> parse(String token) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      String[] parts = plain.split(":", -1);
      if (parts.length != 3 || !parts[0].equals(VERSION)) {
        return Optional.empty();
      }
      return Optional.of(new PageKey(Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
    } catch (IllegalArgumentException e) {
      // bad base64, a number out of range or negative: all the same to a client
      return Optional.empty();
    }
  }
}

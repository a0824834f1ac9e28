package org.ailedger.precompiles.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * One declared parameter of a function or event, as written in a human-readable signature such as
 * {@code address indexed account}. The name is documentation only; it never reaches the selector.
 */
public record AbiParameter(AbiType type, boolean indexed, String name) {
  public AbiParameter {
    if (type == null || name == null) {
      throw new IllegalArgumentException("parameter type and name are required");
    }
  }

  /** Parses a comma-separated list such as {@code address account, bytes32 memberId}. */
  static List<AbiParameter> parseList(String text, boolean indexedAllowed) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return List.of();
    }
    List<AbiParameter> parameters = new ArrayList<>();
    for (String part : trimmed.split(",", -1)) {
      String[] words = part.strip().split("\\s+");
      if (words.length == 0 || words[0].isEmpty() || words.length > 3) {
        throw new IllegalArgumentException("malformed parameter '" + part.strip() + "'");
      }
      boolean indexed = words.length > 1 && "indexed".equals(words[1]);
      if (indexed && !indexedAllowed) {
        throw new IllegalArgumentException("only event parameters can be indexed: " + part.strip());
      }
      int nameAt = indexed ? 2 : 1;
      if (words.length > nameAt + 1) {
        throw new IllegalArgumentException("malformed parameter '" + part.strip() + "'");
      }
      String name = words.length > nameAt ? words[nameAt] : "";
      parameters.add(new AbiParameter(AbiType.parse(words[0]), indexed, name));
    }
    return List.copyOf(parameters);
  }
}

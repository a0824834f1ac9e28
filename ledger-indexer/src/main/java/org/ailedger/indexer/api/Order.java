package org.ailedger.indexer.api;

import java.util.Locale;
import java.util.Optional;

/** The direction a chain-ordered list runs in: oldest first (the default) or newest first. */
enum Order {
  ASC,
  DESC;

  /**
   * The parameter's value as a client writes it, or empty if it is neither {@code asc} nor {@code
   * desc}.
   */
  static Optional<Order> parse(String value) {
    return switch (value) {
      case "asc" -> Optional.of(ASC);
      case "desc" -> Optional.of(DESC);
      default -> Optional.empty();
    };
  }

  /** SQL's keyword for this direction. */
  String sql() {
    return name();
  }

  /** The comparison a keyset cursor continues with: later rows ascending, earlier descending. */
  String beyond() {
    return this == ASC ? ">" : "<";
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

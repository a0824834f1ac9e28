package org.ailedger.node.p2p.wire;

/**
 * A subprotocol as a Hello names it, e.g. {@code eth/68} or {@code istanbul/100}. Names are
 * case-sensitive ASCII of at most eight characters, as devp2p defines them.
 */
public record Capability(String name, int version) implements Comparable<Capability> {
  /** devp2p's limit on a capability name. */
  public static final int MAX_NAME_LENGTH = 8;

  public Capability {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "a capability name has 1 to " + MAX_NAME_LENGTH + " characters: " + name);
    }
    if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("a capability name is printable ASCII: " + name);
    }
    if (version < 0) {
      throw new IllegalArgumentException("a capability version is non-negative: " + version);
    }
  }

  public static Capability of(String name, int version) {
    return new Capability(name, version);
  }

  /** Name first, then version: the order in which shared capabilities receive message codes. */
  @Override
  public int compareTo(Capability other) {
    int byName = name.compareTo(other.name);
    return byName != 0 ? byName : Integer.compare(version, other.version);
  }

  @Override
  public String toString() {
    return name + "/" + version;
  }
}

package org.ailedger.node.p2p.wire;

/**
 * A capability both sides of one connection speak, placed in the connection's message-code space at
 * {@code offset}; its relative codes 0 to {@code messageSpace - 1} travel as {@code offset + code}.
 */
public record SharedCapability(Capability capability, int offset, int messageSpace) {
  public SharedCapability {
    if (capability == null) {
      throw new IllegalArgumentException("a shared capability needs its capability");
    }
    if (offset < WireCodes.BASE_PROTOCOL_SPACE) {
      throw new IllegalArgumentException(
          "codes below " + WireCodes.BASE_PROTOCOL_SPACE + " belong to p2p, offset " + offset);
    }
    if (messageSpace < 1) {
      throw new IllegalArgumentException("message space must be positive: " + messageSpace);
    }
  }

  /** True when {@code code} is one of this capability's absolute codes. */
  public boolean covers(int code) {
    return code >= offset && code < offset + messageSpace;
  }
}

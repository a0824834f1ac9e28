package org.ailedger.node.p2p.wire;

/**
 * A capability this node speaks, with the number of message codes it occupies. Only the local side
 * knows the size of a subprotocol's message space; a Hello carries name and version alone.
 */
public record SubProtocol(Capability capability, int messageSpace) {
  /** {@code eth/68}: codes 0x00 to 0x10. */
  public static final SubProtocol ETH_68 = new SubProtocol(Capability.of("eth", 68), 17);

  /** {@code istanbul/100}, the QBFT messages Besu sends: codes 0x00 to 0x15. */
  public static final SubProtocol ISTANBUL_100 =
      new SubProtocol(Capability.of("istanbul", 100), 22);

  public SubProtocol {
    if (capability == null) {
      throw new IllegalArgumentException("a subprotocol needs its capability");
    }
    if (messageSpace < 1) {
      throw new IllegalArgumentException(
          capability + " must occupy at least one message code, got " + messageSpace);
    }
  }
}

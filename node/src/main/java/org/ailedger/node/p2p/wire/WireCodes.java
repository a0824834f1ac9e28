package org.ailedger.node.p2p.wire;

import org.apache.tuweni.bytes.Bytes;

/** The message codes of the base "p2p" protocol, which owns codes 0x00 to 0x0f. */
public final class WireCodes {
  public static final int HELLO = 0x00;
  public static final int DISCONNECT = 0x01;
  public static final int PING = 0x02;
  public static final int PONG = 0x03;

  /** Codes below this belong to "p2p"; subprotocols start here. */
  public static final int BASE_PROTOCOL_SPACE = 0x10;

  /** The p2p version this node announces; 5 adds snappy compression (EIP-706). */
  public static final int P2P_VERSION = 5;

  /** From this peer version on, every message after Hello is snappy-compressed. */
  public static final int SNAPPY_VERSION = 5;

  /** Ping and Pong carry an empty list. */
  public static final Bytes EMPTY_LIST = Bytes.fromHexString("0xc0");

  private WireCodes() {}
}

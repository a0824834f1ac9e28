package org.ailedger.node.p2p.eth;

/**
 * The {@code eth/68} capability as this node speaks it: its name and version for Hello, how many
 * message codes it takes in the connection's code space, and each message's code relative to the
 * capability's offset (devp2p {@code caps/eth.md}).
 */
public final class EthProtocol {
  private EthProtocol() {}

  public static final String NAME = "eth";
  public static final int VERSION = 68;

  /**
   * Codes 0x00 to 0x10: the RLPx multiplexer reserves this many codes for eth/68, as Besu's {@code
   * EthProtocol.messageSpace(68)} does.
   */
  public static final int MESSAGE_SPACE = 17;

  /**
   * The largest eth message this node accepts, Besu's {@code
   * EthProtocolConfiguration.DEFAULT_MAX_MESSAGE_SIZE}; the transport enforces it before decoding.
   */
  public static final int MAX_MESSAGE_SIZE = 10 * 1024 * 1024;

  public static final int STATUS = 0x00;
  public static final int NEW_BLOCK_HASHES = 0x01;
  public static final int TRANSACTIONS = 0x02;
  public static final int GET_BLOCK_HEADERS = 0x03;
  public static final int BLOCK_HEADERS = 0x04;
  public static final int GET_BLOCK_BODIES = 0x05;
  public static final int BLOCK_BODIES = 0x06;
  public static final int NEW_BLOCK = 0x07;
  public static final int NEW_POOLED_TRANSACTION_HASHES = 0x08;
  public static final int GET_POOLED_TRANSACTIONS = 0x09;
  public static final int POOLED_TRANSACTIONS = 0x0a;
  public static final int GET_RECEIPTS = 0x0f;
  public static final int RECEIPTS = 0x10;
}

package org.ailedger.node.consensus.qbft.message;

/**
 * QBFT message codes within the {@code istanbul/100} capability, as Besu's {@code QbftV1} numbers
 * them. The connection adds its own offset; these are the codes before it.
 */
public final class MessageCodes {
  public static final int PROPOSAL = 0x12;
  public static final int PREPARE = 0x13;
  public static final int COMMIT = 0x14;
  public static final int ROUND_CHANGE = 0x15;

  /** Codes the capability reserves, 0 to 0x15; only the four above are used. */
  public static final int MESSAGE_SPACE = 0x16;

  private MessageCodes() {}

  public static boolean isQbft(int code) {
    return code >= PROPOSAL && code <= ROUND_CHANGE;
  }
}

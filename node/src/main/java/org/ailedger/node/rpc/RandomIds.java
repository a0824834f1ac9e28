package org.ailedger.node.rpc;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.ailedger.node.rpc.json.Hex;

/**
 * Filter and subscription ids: 128 random bits as a QUANTITY, like geth's. They are the only thing
 * that lets a client poll or cancel a filter, so they must not be guessable.
 */
public final class RandomIds {
  private final SecureRandom random = new SecureRandom();

  public String next() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Hex.quantity(new BigInteger(1, bytes));
  }
}

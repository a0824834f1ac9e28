package org.ailedger.node.p2p.rlpx.handshake;

import java.security.SecureRandom;
import org.ailedger.node.crypto.KeyPair;
import org.apache.tuweni.bytes.Bytes32;

/** The one-connection key pair and nonce a side contributes to a handshake. */
public record Ephemeral(KeyPair keyPair, Bytes32 nonce) {
  public Ephemeral {
    if (keyPair == null || nonce == null) {
      throw new IllegalArgumentException("an ephemeral needs a key pair and a nonce");
    }
  }

  public static Ephemeral random(SecureRandom random) {
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    return new Ephemeral(Ecdh.randomKeyPair(random), Bytes32.wrap(nonce));
  }
}

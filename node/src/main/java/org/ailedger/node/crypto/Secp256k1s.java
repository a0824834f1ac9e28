package org.ailedger.node.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the secp256k1 implementation for this process. */
public final class Secp256k1s {
  private static final Logger LOG = LoggerFactory.getLogger(Secp256k1s.class);

  private Secp256k1s() {}

  /**
   * The native implementation when its JNI library loads, else the BouncyCastle one. The choice is
   * made once per process (loading a native library is process-wide anyway), so the warning about
   * the slower fallback appears once, not per caller.
   */
  public static Secp256k1 best() {
    return Choice.BEST;
  }

  private static final class Choice {
    static final Secp256k1 BEST = choose();

    private static Secp256k1 choose() {
      try {
        Secp256k1 nativeImpl = NativeSecp256k1.load();
        LOG.debug("using native secp256k1");
        return nativeImpl;
      } catch (IllegalStateException e) {
        LOG.warn(
            "{}; falling back to BouncyCastle, signature recovery will be several times slower",
            e.getMessage());
        return new BouncyCastleSecp256k1();
      }
    }
  }
}

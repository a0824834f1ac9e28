package org.ailedger.node.p2p.rlpx.framing;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * One direction's RLPx MAC: a running keccak-256 state, seeded by the handshake, that absorbs every
 * header and frame ciphertext mixed with AES-256-ECB (key: mac-secret) of its own digest.
 */
public final class FrameMac {
  static final int SIZE = 16;

  private final KeccakDigest state = new KeccakDigest(256);
  private final AESEngine aes = new AESEngine();

  public FrameMac(Bytes32 macSecret, Bytes seed) {
    aes.init(true, new KeyParameter(macSecret.toArray()));
    absorb(seed);
  }

  /** Absorbs a 16-byte header ciphertext and returns the header MAC. */
  Bytes header(Bytes headerCiphertext) {
    absorb(encryptedDigest().xor(headerCiphertext));
    return digest().slice(0, SIZE);
  }

  /** Absorbs a frame ciphertext and returns the frame MAC. */
  Bytes frame(Bytes frameCiphertext) {
    absorb(frameCiphertext);
    Bytes prefix = digest().slice(0, SIZE);
    absorb(encryptedDigest().xor(prefix));
    return digest().slice(0, SIZE);
  }

  /** Absorbs raw bytes; the handshake's test vector checks the state this way. */
  void absorb(Bytes bytes) {
    state.update(bytes.toArrayUnsafe(), 0, bytes.size());
  }

  /** The keccak-256 of everything absorbed so far, leaving the state as it is. */
  Bytes32 digest() {
    KeccakDigest copy = new KeccakDigest(state);
    byte[] out = new byte[32];
    copy.doFinal(out, 0);
    return Bytes32.wrap(out);
  }

  private Bytes encryptedDigest() {
    byte[] block = digest().slice(0, SIZE).toArray();
    byte[] out = new byte[SIZE];
    aes.processBlock(block, 0, out, 0);
    return Bytes.wrap(out);
  }
}

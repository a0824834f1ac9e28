package org.ailedger.node.p2p.rlpx.framing;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.ailedger.node.p2p.rlpx.handshake.HandshakeSecrets;
import org.apache.tuweni.bytes.Bytes;

/**
 * RLPx frames after the handshake: {@code header-ciphertext || header-mac || frame-ciphertext ||
 * frame-mac}, AES-256-CTR with a zero IV running on across frames in each direction. The header is
 * the 24-bit frame size and header-data {@code [0, 0]} (0xc28080), zero-padded to 16 bytes; the
 * frame is zero-padded to 16 too. One message per frame. Not thread-safe: cipher and MAC states
 * advance with every frame, so one thread per direction drives it.
 */
public final class FrameCodec {
  /** The 24-bit size field's limit. */
  public static final int MAX_FRAME_SIZE = 0xFFFFFF;

  private static final int BLOCK = 16;
  private static final int HEADER_SIZE = BLOCK + FrameMac.SIZE;
  private static final Bytes HEADER_DATA = Bytes.fromHexString("0xc28080");

  private final Cipher egressCipher;
  private final Cipher ingressCipher;
  private final FrameMac egressMac;
  private final FrameMac ingressMac;
  private final int maxFrameSize;
  private int pendingFrameSize = -1;

  /**
   * @param maxFrameSize frames announcing more are refused before their body is buffered
   */
  public FrameCodec(HandshakeSecrets secrets, int maxFrameSize) {
    if (maxFrameSize < 1 || maxFrameSize > MAX_FRAME_SIZE) {
      throw new IllegalArgumentException("frame size cap out of range: " + maxFrameSize);
    }
    this.maxFrameSize = maxFrameSize;
    this.egressCipher = aesCtr(secrets);
    this.ingressCipher = aesCtr(secrets);
    this.egressMac = new FrameMac(secrets.macSecret(), secrets.egressMacSeed());
    this.ingressMac = new FrameMac(secrets.macSecret(), secrets.ingressMacSeed());
  }

  /** One frame carrying {@code frameData}. */
  public Bytes encode(Bytes frameData) {
    int size = frameData.size();
    if (size > maxFrameSize) {
      throw new IllegalArgumentException("frame of " + size + " bytes exceeds " + maxFrameSize);
    }
    Bytes sizeField = Bytes.of((byte) (size >>> 16), (byte) (size >>> 8), (byte) size);
    Bytes header = padded(Bytes.concatenate(sizeField, HEADER_DATA));
    Bytes headerCiphertext = crypt(egressCipher, header);
    Bytes headerMac = egressMac.header(headerCiphertext);
    Bytes frameCiphertext = crypt(egressCipher, padded(frameData));
    Bytes frameMac = egressMac.frame(frameCiphertext);
    return Bytes.concatenate(headerCiphertext, headerMac, frameCiphertext, frameMac);
  }

  /**
   * Reads the next frame from the start of {@code buffered}. MACs are checked before decryption; a
   * header is verified once, so a frame whose body is still in flight costs nothing when more bytes
   * arrive.
   */
  public FrameRead decode(Bytes buffered) {
    int headerBytes = 0;
    if (pendingFrameSize < 0) {
      if (buffered.size() < HEADER_SIZE) {
        return new FrameRead.NeedMoreBytes(0);
      }
      Bytes headerCiphertext = buffered.slice(0, BLOCK);
      Bytes expected = ingressMac.header(headerCiphertext);
      if (!constantTimeEquals(expected, buffered.slice(BLOCK, FrameMac.SIZE))) {
        return new FrameRead.Rejected(FrameFailure.BAD_HEADER_MAC);
      }
      Bytes header = crypt(ingressCipher, headerCiphertext);
      int size = header.slice(0, 3).toInt();
      if (size > maxFrameSize) {
        return new FrameRead.Rejected(FrameFailure.OVERSIZED_FRAME);
      }
      pendingFrameSize = size;
      headerBytes = HEADER_SIZE;
    }
    int bodySize = paddedSize(pendingFrameSize);
    if (buffered.size() < headerBytes + bodySize + FrameMac.SIZE) {
      return new FrameRead.NeedMoreBytes(headerBytes);
    }
    Bytes frameCiphertext = buffered.slice(headerBytes, bodySize);
    Bytes expected = ingressMac.frame(frameCiphertext);
    if (!constantTimeEquals(expected, buffered.slice(headerBytes + bodySize, FrameMac.SIZE))) {
      return new FrameRead.Rejected(FrameFailure.BAD_FRAME_MAC);
    }
    Bytes plain = crypt(ingressCipher, frameCiphertext);
    Bytes data = plain.slice(0, pendingFrameSize);
    pendingFrameSize = -1;
    return new FrameRead.Frame(data, headerBytes + bodySize + FrameMac.SIZE);
  }

  /** Runs the CTR stream on; an empty frame has no blocks (and the JCA answers null for it). */
  private static Bytes crypt(Cipher cipher, Bytes input) {
    return input.isEmpty() ? Bytes.EMPTY : Bytes.wrap(cipher.update(input.toArrayUnsafe()));
  }

  private static Bytes padded(Bytes data) {
    int size = paddedSize(data.size());
    return size == data.size()
        ? data
        : Bytes.concatenate(data, Bytes.wrap(new byte[size - data.size()]));
  }

  private static int paddedSize(int size) {
    return (size + BLOCK - 1) / BLOCK * BLOCK;
  }

  private static boolean constantTimeEquals(Bytes a, Bytes b) {
    return MessageDigest.isEqual(a.toArrayUnsafe(), b.toArrayUnsafe());
  }

  private static Cipher aesCtr(HandshakeSecrets secrets) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(secrets.aesSecret().toArray(), "AES"),
          new IvParameterSpec(new byte[BLOCK]));
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CTR is unavailable", e);
    }
  }
}

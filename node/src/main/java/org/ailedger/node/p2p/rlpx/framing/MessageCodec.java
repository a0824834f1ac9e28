package org.ailedger.node.p2p.rlpx.framing;

import java.io.IOException;
import org.ailedger.node.p2p.wire.WireCodes;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.xerial.snappy.Snappy;

/**
 * A message as frame data: {@code RLP(code) || payload}. Once both Hellos announce p2p version 5 or
 * later the payload is snappy-compressed (block format, EIP-706); the Hello itself never is. A
 * compressed payload's declared length is checked against the cap before anything is inflated.
 */
public final class MessageCodec {
  private final int maxMessageSize;
  private boolean compressing;

  public MessageCodec(int maxMessageSize) {
    if (maxMessageSize < 1) {
      throw new IllegalArgumentException("message size cap must be positive: " + maxMessageSize);
    }
    this.maxMessageSize = maxMessageSize;
  }

  /** The largest frame a message within the cap can need: snappy's worst case plus the code. */
  public static int maxFrameSizeFor(int maxMessageSize) {
    long worst = 32L + maxMessageSize + maxMessageSize / 6 + 5;
    return (int) Math.min(worst, FrameCodec.MAX_FRAME_SIZE);
  }

  /** From now on payloads are compressed in both directions. */
  public void enableCompression() {
    compressing = true;
  }

  public boolean compressing() {
    return compressing;
  }

  /**
   * @throws IllegalArgumentException when the payload exceeds the cap, which is the sender's bug
   */
  public Bytes encode(int code, Bytes payload) {
    if (code < 0) {
      throw new IllegalArgumentException("message codes are non-negative: " + code);
    }
    if (payload.size() > maxMessageSize) {
      throw new IllegalArgumentException(
          "payload of " + payload.size() + " bytes exceeds the cap of " + maxMessageSize);
    }
    Bytes body = compressing ? compress(payload) : payload;
    return Bytes.concatenate(RLP.encodeInt(code), body);
  }

  public MessageRead decode(Bytes frameData) {
    if (frameData.isEmpty()) {
      return new MessageRead.Rejected(MessageFailure.MALFORMED_CODE);
    }
    int first = frameData.get(0) & 0xFF;
    int code;
    int codeLength;
    if (first < 0x80) {
      code = first;
      codeLength = 1;
    } else if (first == 0x80) {
      code = 0;
      codeLength = 1;
    } else if (first <= 0x83) {
      int n = first - 0x80;
      if (frameData.size() < 1 + n || frameData.get(1) == 0) {
        return new MessageRead.Rejected(MessageFailure.MALFORMED_CODE);
      }
      code = frameData.slice(1, n).toInt();
      if (n == 1 && code < 0x80) {
        return new MessageRead.Rejected(MessageFailure.MALFORMED_CODE);
      }
      codeLength = 1 + n;
    } else {
      return new MessageRead.Rejected(MessageFailure.MALFORMED_CODE);
    }
    Bytes body = frameData.slice(codeLength);
    if (!compressing) {
      return body.size() > maxMessageSize
          ? new MessageRead.Rejected(MessageFailure.OVERSIZED_MESSAGE)
          : new MessageRead.Message(code, body);
    }
    MessageRead inflated = decompress(code, body);
    if (inflated instanceof MessageRead.Rejected && code == WireCodes.DISCONNECT) {
      // some clients send Disconnect uncompressed whatever the version; the peer is leaving
      // either way, so its reason is worth more than strictness
      return new MessageRead.Message(code, body);
    }
    return inflated;
  }

  private MessageRead decompress(int code, Bytes body) {
    byte[] compressed = body.toArrayUnsafe();
    try {
      long declared = declaredLength(compressed);
      if (declared < 0) {
        return new MessageRead.Rejected(MessageFailure.BAD_SNAPPY);
      }
      if (declared > maxMessageSize) {
        return new MessageRead.Rejected(MessageFailure.OVERSIZED_MESSAGE);
      }
      if (!Snappy.isValidCompressedBuffer(compressed)) {
        return new MessageRead.Rejected(MessageFailure.BAD_SNAPPY);
      }
      return new MessageRead.Message(code, Bytes.wrap(Snappy.uncompress(compressed)));
    } catch (IOException e) {
      return new MessageRead.Rejected(MessageFailure.BAD_SNAPPY);
    }
  }

  /**
   * The uncompressed length a snappy block announces: a little-endian base-128 varint of at most
   * five bytes at its start. Read here, not by the library, so the cap is enforced on our terms.
   *
   * @return the length, or -1 when the varint is malformed
   */
  static long declaredLength(byte[] compressed) {
    long length = 0;
    for (int i = 0; i < 5 && i < compressed.length; i++) {
      int b = compressed[i] & 0xFF;
      length |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return length;
      }
    }
    return -1;
  }

  private static Bytes compress(Bytes payload) {
    try {
      return Bytes.wrap(Snappy.compress(payload.toArrayUnsafe()));
    } catch (IOException e) {
      throw new IllegalStateException("snappy compression failed", e);
    }
  }
}

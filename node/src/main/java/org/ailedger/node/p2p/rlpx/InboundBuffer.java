package org.ailedger.node.p2p.rlpx;

import io.vertx.core.buffer.Buffer;
import org.apache.tuweni.bytes.Bytes;

/**
 * Received bytes not yet consumed. One growable array instead of concatenating per TCP read, so a
 * 10 MiB frame arriving in 64 KiB reads is copied once, not a hundred times. The view it hands out
 * shares the array: read it before the next {@link #append}. Its bound is the connection's: every
 * read is parsed at once, so what stays is at most one unfinished handshake packet ({@code
 * Handshaker.MAX_PACKET_SIZE}) or one unfinished frame (the frame size cap).
 */
final class InboundBuffer {
  private byte[] data = new byte[4096];
  private int start;
  private int end;

  void append(Buffer chunk) {
    int length = chunk.length();
    if (end + length > data.length) {
      int live = end - start;
      if (live + length <= data.length / 2) {
        System.arraycopy(data, start, data, 0, live);
      } else {
        byte[] grown = new byte[Math.max(data.length * 2, live + length)];
        System.arraycopy(data, start, grown, 0, live);
        data = grown;
      }
      start = 0;
      end = live;
    }
    chunk.getBytes(0, length, data, end);
    end += length;
  }

  Bytes view() {
    return Bytes.wrap(data, start, end - start);
  }

  void consume(int count) {
    if (count < 0 || count > end - start) {
      throw new IllegalArgumentException("cannot consume " + count + " of " + (end - start));
    }
    start += count;
    if (start == end) {
      start = 0;
      end = 0;
    }
  }

  int size() {
    return end - start;
  }
}

package org.ailedger.node.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class InboundBufferTest {
  @Test
  void bytesAppendedAcrossGrowthAndCompactionStayInOrder() {
    InboundBuffer buffer = new InboundBuffer();
    Bytes expected = Bytes.EMPTY;
    for (int i = 0; i < 50; i++) {
      byte[] chunk = new byte[1000 + i];
      java.util.Arrays.fill(chunk, (byte) i);
      buffer.append(Buffer.buffer(chunk));
      expected = Bytes.concatenate(expected, Bytes.wrap(chunk));
      if (i % 3 == 0) {
        buffer.consume(700);
        expected = expected.slice(700);
      }
    }

    assertThat(buffer.view()).isEqualTo(expected);
    assertThat(buffer.size()).isEqualTo(expected.size());
  }

  @Test
  void consumingEverythingEmptiesTheBuffer() {
    InboundBuffer buffer = new InboundBuffer();
    buffer.append(Buffer.buffer(new byte[] {1, 2, 3}));

    buffer.consume(3);

    assertThat(buffer.view()).isEqualTo(Bytes.EMPTY);
  }
}

package org.ailedger.node.p2p.rlpx;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {
  @Test
  void messagesPastTheByteBoundAreRefusedUntilTheQueueDrains() {
    OutboundQueue queue = new OutboundQueue(100);
    OutboundQueue.Outbound sixty = new OutboundQueue.Outbound(0x10, Bytes.wrap(new byte[60]));

    assertThat(queue.offer(sixty)).isTrue();
    assertThat(queue.offer(sixty)).isFalse();
    assertThat(queue.poll()).isEqualTo(sixty);
    assertThat(queue.offer(sixty)).isTrue();
  }

  @Test
  void clearingGivesTheBytesBack() {
    OutboundQueue queue = new OutboundQueue(100);
    OutboundQueue.Outbound hundred = new OutboundQueue.Outbound(0x10, Bytes.wrap(new byte[100]));
    queue.offer(hundred);

    queue.clear();

    assertThat(queue.poll()).isNull();
    assertThat(queue.offer(hundred)).isTrue();
  }
}

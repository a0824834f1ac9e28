package org.ailedger.node.state.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.junit.jupiter.api.Test;

class NodeRlpTest {
  @Test
  void stringsOfEverySizeAreEncodedAsTheGeneralRlpWriterEncodesThem() {
    Random random = new Random(7);
    for (int size = 0; size < 300; size++) {
      byte[] value = new byte[size];
      random.nextBytes(value);
      Bytes bytes = Bytes.wrap(value);
      byte[] out = new byte[NodeRlp.stringSize(bytes)];

      int end = NodeRlp.writeString(out, 0, bytes);

      assertThat(end).isEqualTo(out.length);
      assertThat(Bytes.wrap(out)).isEqualTo(RLP.encodeValue(bytes));
      NodeRlp.Item item = NodeRlp.read(out, 0, out.length);
      assertThat(item.list()).isFalse();
      assertThat(item.end()).isEqualTo(out.length);
      assertThat(item.bytes(out)).isEqualTo(bytes);
    }
  }

  @Test
  void singleBytesBelow0x80AreTheirOwnEncoding() {
    for (int b = 0; b < 0x80; b++) {
      Bytes value = Bytes.of((byte) b);
      assertThat(NodeRlp.stringSize(value)).isEqualTo(1);
    }
    assertThat(NodeRlp.stringSize(Bytes.of((byte) 0x80))).isEqualTo(2);
  }

  @Test
  void listHeadersMatchTheGeneralRlpWriterOnBothSidesOfTheLongForm() {
    for (int payload : new int[] {0, 1, 55, 56, 255, 256, 532, 70_000}) {
      byte[] out = NodeRlp.list(payload);
      Bytes expected = RLP.encodeList(w -> w.writeRLP(Bytes.wrap(new byte[payload])));

      assertThat(Bytes.wrap(out)).isEqualTo(expected);
      assertThat(NodeRlp.listPayloadStart(payload)).isEqualTo(out.length - payload);
      NodeRlp.Item item = NodeRlp.read(out, 0, out.length);
      assertThat(item.list()).isTrue();
      assertThat(item.end() - item.start()).isEqualTo(payload);
    }
  }

  @Test
  void nonCanonicalEncodingsAreRefused() {
    // a byte below 0x80 wrapped as a one-byte string
    assertRefused(new byte[] {(byte) 0x81, 0x05});
    // a long-form length that would fit the short form
    assertRefused(new byte[] {(byte) 0xb8, 0x05, 1, 2, 3, 4, 5});
    // a length with a leading zero byte
    byte[] leadingZero = new byte[3 + 56];
    leadingZero[0] = (byte) 0xb9;
    leadingZero[1] = 0;
    leadingZero[2] = 56;
    assertRefused(leadingZero);
  }

  @Test
  void anItemThatRunsPastItsEnclosingListIsRefused() {
    assertRefused(new byte[] {(byte) 0x83, 1, 2});
    assertRefused(new byte[] {(byte) 0xc3, (byte) 0x80});
    assertThatThrownBy(() -> NodeRlp.read(new byte[0], 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRefused(byte[] encoding) {
    assertThatThrownBy(() -> NodeRlp.read(encoding, 0, encoding.length))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.ailedger.node.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ailedger.node.crypto.PublicKey;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.junit.jupiter.api.Test;

class HelloMessageTest {
  /**
   * EIP-8, "Test Vectors / devp2p Base Protocol": a Hello with additional list elements. The EIP's
   * caption says version 22, but the encoded version byte is 0x37 (55); 22 is the version of its
   * "mork" capability.
   */
  private static final Bytes EIP8_HELLO =
      Bytes.fromHexString(
          "f87137916b6e6574682f76302e39312f706c616e39cdc5836574683dc6846d6f726b1682270fb840"
              + "fda1cff674c90c9a197539fe3dfb53086ace64f83ed7c6eabec741f7f381cc803e52ab2cd55d5569"
              + "bce4347107a310dfd5f88a010cd2ffd1005ca406f1842877c883666f6f836261720304");

  private static final PublicKey NODE_ID =
      new PublicKey(
          Bytes.fromHexString(
              "fda1cff674c90c9a197539fe3dfb53086ace64f83ed7c6eabec741f7f381cc803e52ab2cd55d5569"
                  + "bce4347107a310dfd5f88a010cd2ffd1005ca406f1842877"));

  @Test
  void eip8HelloWithExtraListElementsDecodes() {
    HelloMessage hello = HelloMessage.decode(EIP8_HELLO);

    assertThat(hello.p2pVersion()).isEqualTo(0x37);
    assertThat(hello.clientId()).isEqualTo("kneth/v0.91/plan9");
    assertThat(hello.capabilities())
        .containsExactly(Capability.of("eth", 61), Capability.of("mork", 22));
    assertThat(hello.listenPort()).isEqualTo(9999);
    assertThat(hello.nodeId()).isEqualTo(NODE_ID);
  }

  @Test
  void encodedHelloDecodesToItself() {
    HelloMessage hello =
        new HelloMessage(
            5,
            "ailedger/v0.1",
            List.of(SubProtocol.ETH_68.capability(), SubProtocol.ISTANBUL_100.capability()),
            30303,
            NODE_ID);

    assertThat(HelloMessage.decode(hello.encode())).isEqualTo(hello);
  }

  @Test
  void emptyListenPortMeansNotListening() {
    Bytes hello =
        RLP.encodeList(
            w -> {
              w.writeInt(5);
              w.writeString("js");
              w.writeList(
                  c ->
                      c.writeList(
                          cap -> {
                            cap.writeString("istanbul");
                            cap.writeInt(100);
                          }));
              w.writeValue(Bytes.EMPTY);
              w.writeValue(NODE_ID.bytes());
            });

    assertThat(HelloMessage.decode(hello).listenPort()).isZero();
  }

  @Test
  void capabilityNamesWeCouldNeverShareAreSkipped() {
    Bytes hello =
        RLP.encodeList(
            w -> {
              w.writeInt(5);
              w.writeString("x");
              w.writeList(
                  caps -> {
                    caps.writeList(
                        c -> {
                          c.writeString("averyverylongname");
                          c.writeInt(1);
                        });
                    caps.writeList(
                        c -> {
                          c.writeString("eth");
                          c.writeInt(68);
                        });
                  });
              w.writeInt(0);
              w.writeValue(NODE_ID.bytes());
            });

    assertThat(HelloMessage.decode(hello).capabilities()).containsExactly(Capability.of("eth", 68));
  }

  @Test
  void helloWithoutNodeIdIsRejected() {
    Bytes truncated =
        RLP.encodeList(
            w -> {
              w.writeInt(5);
              w.writeString("x");
              w.writeList(c -> {});
              w.writeInt(0);
            });

    assertThatThrownBy(() -> HelloMessage.decode(truncated))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

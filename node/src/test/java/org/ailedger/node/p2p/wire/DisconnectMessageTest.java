package org.ailedger.node.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class DisconnectMessageTest {
  @Test
  void reasonTravelsInAOneItemList() {
    DisconnectMessage message = DisconnectMessage.of(DisconnectReason.TIMEOUT);

    assertThat(message.encode()).isEqualTo(Bytes.fromHexString("0xc10b"));
    assertThat(DisconnectMessage.decode(message.encode()).reason())
        .contains(DisconnectReason.TIMEOUT);
  }

  @Test
  void bareIntegerAndEmptyListAreAccepted() {
    assertThat(DisconnectMessage.decode(Bytes.fromHexString("0x10")).reason())
        .contains(DisconnectReason.SUBPROTOCOL_TRIGGERED);
    assertThat(DisconnectMessage.decode(Bytes.fromHexString("0x80")).reason())
        .contains(DisconnectReason.REQUESTED);
    assertThat(DisconnectMessage.decode(Bytes.fromHexString("0xc0")).reason())
        .contains(DisconnectReason.REQUESTED);
  }

  @Test
  void undefinedCodeIsKeptButHasNoReason() {
    DisconnectMessage message = DisconnectMessage.decode(Bytes.fromHexString("0xc10c"));

    assertThat(message.code()).isEqualTo(0x0c);
    assertThat(message.reason()).isEmpty();
  }

  @Test
  void reasonCodesAreDevp2psList() {
    assertThat(DisconnectReason.values())
        .extracting(DisconnectReason::code)
        .containsExactly(
            0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x10);
  }
}

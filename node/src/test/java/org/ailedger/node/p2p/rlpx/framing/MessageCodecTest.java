package org.ailedger.node.p2p.rlpx.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class MessageCodecTest {
  private static final int CAP = 1024;
  private final MessageCodec codec = new MessageCodec(CAP);

  @Test
  void codeIsRlpIntegerBeforeThePayload() {
    assertThat(codec.encode(0, Bytes.fromHexString("0xc0")))
        .isEqualTo(Bytes.fromHexString("0x80c0"));
    assertThat(codec.encode(0x21, Bytes.fromHexString("0xc0")))
        .isEqualTo(Bytes.fromHexString("0x21c0"));
    assertThat(codec.encode(0x90, Bytes.EMPTY)).isEqualTo(Bytes.fromHexString("0x8190"));
  }

  @Test
  void uncompressedMessageDecodesToCodeAndPayload() {
    Bytes payload = Bytes.fromHexString("0xc28080");

    assertThat(codec.decode(codec.encode(0x90, payload)))
        .isEqualTo(new MessageRead.Message(0x90, payload));
  }

  @Test
  void compressedPayloadIsSnappyBlockFormat() throws IOException {
    codec.enableCompression();
    Bytes payload = Bytes.wrap(new byte[200]);

    Bytes frameData = codec.encode(0x12, payload);

    assertThat(Bytes.wrap(Snappy.uncompress(frameData.slice(1).toArray()))).isEqualTo(payload);
    assertThat(codec.decode(frameData)).isEqualTo(new MessageRead.Message(0x12, payload));
  }

  @Test
  void declaredLengthAboveTheCapIsRefusedBeforeInflating() {
    codec.enableCompression();
    // varint 0x80 0x80 0x80 0x08 declares 16 MiB; no data follows
    Bytes bomb = Bytes.fromHexString("0x1080808008");

    assertThat(codec.decode(bomb))
        .isEqualTo(new MessageRead.Rejected(MessageFailure.OVERSIZED_MESSAGE));
  }

  @Test
  void garbageIsNotSnappy() {
    codec.enableCompression();

    assertThat(codec.decode(Bytes.fromHexString("0x100affffffffff")))
        .isEqualTo(new MessageRead.Rejected(MessageFailure.BAD_SNAPPY));
  }

  @Test
  void uncompressedDisconnectIsReadEvenWhenCompressing() {
    codec.enableCompression();

    assertThat(codec.decode(Bytes.fromHexString("0x01c10b")))
        .isEqualTo(new MessageRead.Message(1, Bytes.fromHexString("0xc10b")));
  }

  @Test
  void uncompressedPayloadAboveTheCapIsRefused() {
    Bytes frameData = Bytes.concatenate(Bytes.of(0x10), Bytes.wrap(new byte[CAP + 1]));

    assertThat(codec.decode(frameData))
        .isEqualTo(new MessageRead.Rejected(MessageFailure.OVERSIZED_MESSAGE));
  }

  @Test
  void nonCanonicalOrMissingCodeIsMalformed() {
    assertThat(codec.decode(Bytes.fromHexString("0x8105c0")))
        .isEqualTo(new MessageRead.Rejected(MessageFailure.MALFORMED_CODE));
    assertThat(codec.decode(Bytes.fromHexString("0xc0")))
        .isEqualTo(new MessageRead.Rejected(MessageFailure.MALFORMED_CODE));
    assertThat(codec.decode(Bytes.EMPTY))
        .isEqualTo(new MessageRead.Rejected(MessageFailure.MALFORMED_CODE));
  }
}

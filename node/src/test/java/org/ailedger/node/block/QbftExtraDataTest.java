package org.ailedger.node.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class QbftExtraDataTest {
  /** The four-validator genesis extra-data of Besu's published QBFT example network. */
  private static final Bytes BESU_EXAMPLE =
      Bytes.fromHexString(
          "0xf87aa00000000000000000000000000000000000000000000000000000000000000000f854944592c8e45706cc08b8f44b11e43cba0cfc5892cb9406e23768a0f59cf365e18c2e0c89e151bcdedc7094c5327f96ee02d7bcbc1bf1236b8c15148971e1de94ab5e7f4061c605820d3744227eed91ff8e2c8908c080c0");

  @Test
  void decodesBesuGenesisExtraDataAndEncodesItBackByteForByte() {
    QbftExtraData extra = QbftExtraData.decode(BESU_EXAMPLE);

    assertThat(extra.vanity()).isEqualTo(Bytes32.ZERO);
    assertThat(extra.validators())
        .containsExactly(
            Address.fromHex("0x4592c8e45706cc08b8f44b11e43cba0cfc5892cb"),
            Address.fromHex("0x06e23768a0f59cf365e18c2e0c89e151bcdedc70"),
            Address.fromHex("0xc5327f96ee02d7bcbc1bf1236b8c15148971e1de"),
            Address.fromHex("0xab5e7f4061c605820d3744227eed91ff8e2c8908"));
    assertThat(extra.vote()).isEmpty();
    assertThat(extra.round()).isZero();
    assertThat(extra.seals()).isEmpty();
    assertThat(extra.encode()).isEqualTo(BESU_EXAMPLE);
    assertThat(QbftExtraData.genesis(extra.validators()).encode()).isEqualTo(BESU_EXAMPLE);
  }

  @Test
  void votesRoundsAndSealsSurviveARoundTrip() {
    Address v = Address.fromHex("0x4592c8e45706cc08b8f44b11e43cba0cfc5892cb");
    Bytes seal = Bytes.wrap(new byte[65]).or(Bytes.of(7));
    QbftExtraData extra =
        new QbftExtraData(
            Bytes32.ZERO,
            List.of(v),
            Optional.of(new QbftExtraData.Vote(v, false)),
            3,
            List.of(seal));

    QbftExtraData decoded = QbftExtraData.decode(extra.encode());

    assertThat(decoded).isEqualTo(extra);
    assertThat(QbftExtraData.decode(extra.encodeForCommittedSeal()))
        .isEqualTo(extra.withSeals(List.of()));
    assertThat(QbftExtraData.decode(extra.encodeForOnChainHash()))
        .isEqualTo(extra.withSeals(List.of()).withRound(0));
  }

  @Test
  void hashEncodingsKeepTheFiveItemsWithAnEmptySealList() {
    Address v = new Address(Bytes.fromHexString("0x" + "11".repeat(20)));
    QbftExtraData extra =
        new QbftExtraData(
            Bytes32.ZERO, List.of(v), Optional.empty(), 2, List.of(Bytes.wrap(new byte[65])));
    // [32 zero bytes, [v], [], 2, []] and the same with round 0 (the empty scalar 0x80)
    String head = "0xf83aa0" + "00".repeat(32) + "d594" + "11".repeat(20) + "c0";
    assertThat(extra.encodeForCommittedSeal().toHexString()).isEqualTo(head + "02c0");
    assertThat(extra.encodeForOnChainHash().toHexString()).isEqualTo(head + "80c0");
  }

  @Test
  void rejectsExtraDataThatIsNotTheQbftLayout() {
    assertThatThrownBy(() -> QbftExtraData.decode(Bytes.fromHexString("0x1234")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QbftExtraData.decode(Bytes.concatenate(BESU_EXAMPLE, Bytes.of(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extra-data");
  }
}

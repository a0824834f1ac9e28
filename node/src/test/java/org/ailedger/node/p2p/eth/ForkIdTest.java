package org.ailedger.node.p2p.eth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** EIP-2124's published mainnet fork ids (also geth's core/forkid TestCreation). */
class ForkIdTest {
  private static final Bytes32 MAINNET_GENESIS =
      Bytes32.fromHexString("0xd4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3");

  private static ForkId mainnet(List<Long> passed, long next) {
    return ForkId.of(MAINNET_GENESIS, passed, next);
  }

  private static Bytes crc(String hex) {
    return Bytes.fromHexString(hex);
  }

  @Test
  void mainnetChecksumsFollowEachPassedForkBlock() {
    assertThat(mainnet(List.of(), 1_150_000).hash()).isEqualTo(crc("0xfc64ec04"));
    assertThat(mainnet(List.of(1_150_000L), 1_920_000).hash()).isEqualTo(crc("0x97c2c34c"));
    assertThat(mainnet(List.of(1_150_000L, 1_920_000L), 2_463_000).hash())
        .isEqualTo(crc("0x91d1f948"));
    assertThat(mainnet(List.of(1_150_000L, 1_920_000L, 2_463_000L), 2_675_000).hash())
        .isEqualTo(crc("0x7a64da13"));
    assertThat(mainnet(List.of(1_150_000L, 1_920_000L, 2_463_000L, 2_675_000L), 4_370_000).hash())
        .isEqualTo(crc("0x3edd5b10"));
    assertThat(
            mainnet(List.of(1_150_000L, 1_920_000L, 2_463_000L, 2_675_000L, 4_370_000L), 7_280_000)
                .hash())
        .isEqualTo(crc("0xa00bc324"));
  }

  @Test
  void forksAtTheSameBlockCountOnceAndForksAtGenesisNotAtAll() {
    // Constantinople and Petersburg both at 7,280,000: EIP-2124's Petersburg id 0x668db0af
    ForkId petersburg =
        mainnet(
            List.of(
                0L,
                1_150_000L,
                1_920_000L,
                2_463_000L,
                2_675_000L,
                4_370_000L,
                7_280_000L,
                7_280_000L),
            0);

    assertThat(petersburg).isEqualTo(new ForkId(crc("0x668db0af"), 0));
  }

  @Test
  void aChainWithoutForksIsIdentifiedByItsGenesisChecksumAlone() {
    assertThat(ForkId.ofChainWithoutForks(MAINNET_GENESIS))
        .isEqualTo(new ForkId(crc("0xfc64ec04"), 0));
  }
}

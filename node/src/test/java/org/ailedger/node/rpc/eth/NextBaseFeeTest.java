package org.ailedger.node.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.rpc.TestChain;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class NextBaseFeeTest {
  @Test
  void fullBlockRaisesTheFeeByAnEighth() {
    assertThat(NextBaseFee.after(header(1000, 20_000_000, 20_000_000)))
        .isEqualTo(UInt256.valueOf(1125));
  }

  @Test
  void emptyBlockLowersTheFeeByAnEighth() {
    assertThat(NextBaseFee.after(header(1000, 20_000_000, 0))).isEqualTo(UInt256.valueOf(875));
  }

  @Test
  void blockAtTargetKeepsTheFee() {
    assertThat(NextBaseFee.after(header(1000, 20_000_000, 10_000_000)))
        .isEqualTo(UInt256.valueOf(1000));
  }

  @Test
  void smallIncreaseIsAtLeastOneWei() {
    assertThat(NextBaseFee.after(header(7, 20_000_000, 10_000_001))).isEqualTo(UInt256.valueOf(8));
  }

  @Test
  void zeroBaseFeeNetworkStaysFree() {
    assertThat(NextBaseFee.after(header(0, 20_000_000, 20_000_000))).isEqualTo(UInt256.ZERO);
  }

  private static BlockHeader header(long baseFee, long gasLimit, long gasUsed) {
    return new BlockHeader(
        Bytes32.ZERO,
        BlockHeader.EMPTY_OMMERS_HASH,
        Address.ZERO,
        Bytes32.ZERO,
        Bytes32.ZERO,
        Bytes32.ZERO,
        LogsBloom.EMPTY,
        UInt256.ONE,
        1,
        gasLimit,
        gasUsed,
        1,
        QbftExtraData.genesis(TestChain.VALIDATORS).encode(),
        BlockHeader.QBFT_MIX_HASH,
        0,
        UInt256.valueOf(baseFee));
  }
}

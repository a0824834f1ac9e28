package org.ailedger.node.consensus.qbft.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.consensus.qbft.message.MessageCodes;
import org.ailedger.node.consensus.qbft.validation.HeightContext;
import org.ailedger.types.Address;
import org.junit.jupiter.api.Test;

/** Four in-process validators agreeing over an in-memory network on a clock the test moves. */
class QbftConsensusTest {
  @Test
  void fourValidatorsCommitConsecutiveHeightsWithTheSameBlocks() {
    InMemoryNetwork network = InMemoryNetwork.of(4);
    network.begin();

    network.runUntilHeight(5, Duration.ofSeconds(30));

    List<Block> reference = network.live().get(0).chain.subList(0, 5);
    for (TestValidator node : network.live()) {
      // each node seals with the commits it collected, in its own order; the on-chain hash
      // leaves the seals out, so all agree on it
      assertThat(hashes(node.chain.subList(0, 5))).isEqualTo(hashes(reference));
      assertThat(node.refused).isEmpty();
    }
    for (Block block : reference) {
      QbftExtraData extra = block.header().qbftExtraData();
      assertThat(extra.round()).isZero();
      assertThat(extra.seals()).hasSizeGreaterThanOrEqualTo(3);
    }
    // round robin: each block's proposer is the one after its parent's
    List<Address> validators = HeightContext.after(reference.get(0).header()).validators();
    for (int i = 1; i < reference.size(); i++) {
      int previous = validators.indexOf(reference.get(i - 1).header().coinbase());
      assertThat(reference.get(i).header().coinbase())
          .isEqualTo(validators.get((previous + 1) % 4));
    }
  }

  @Test
  void blocksAreProposedOneBlockPeriodAfterTheirParent() {
    InMemoryNetwork network =
        new InMemoryNetwork(
            org.ailedger.node.consensus.qbft.QbftFixtures.validatorKeys(4),
            genesis4(),
            InMemoryNetwork.config(3, 10));
    network.begin();

    network.runUntilHeight(3, Duration.ofSeconds(30));

    List<Block> chain = network.live().get(0).chain;
    assertThat(chain.get(0).header().timestamp()).isEqualTo(genesis4().timestamp() + 3);
    assertThat(chain.get(1).header().timestamp() - chain.get(0).header().timestamp()).isEqualTo(3);
    assertThat(network.sent).noneMatch(s -> s.code() == MessageCodes.ROUND_CHANGE);
  }

  private static List<org.apache.tuweni.bytes.Bytes32> hashes(List<Block> blocks) {
    return blocks.stream().map(b -> b.header().hash()).toList();
  }

  private static org.ailedger.node.block.BlockHeader genesis4() {
    return org.ailedger.node.consensus.qbft.QbftFixtures.genesis(
        org.ailedger.node.consensus.qbft.QbftFixtures.addresses(
            org.ailedger.node.consensus.qbft.QbftFixtures.validatorKeys(4)));
  }
}

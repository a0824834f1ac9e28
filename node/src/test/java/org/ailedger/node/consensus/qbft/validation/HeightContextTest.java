package org.ailedger.node.consensus.qbft.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Proposer selection as Besu's BftProposerSelector does it with a new proposer every block. */
class HeightContextTest {
  private final Address a = Address.of(0x10);
  private final Address b = Address.of(0x20);
  private final Address c = Address.of(0x30);
  private final Address d = Address.of(0x40);
  private final List<Address> unsorted = List.of(c, a, d, b);

  @Test
  void validatorsAreSortedAndQuorumIsTwoThirdsRoundedUp() {
    HeightContext context = HeightContext.after(parent(Address.ZERO));

    assertThat(context.validators()).containsExactly(a, b, c, d);
    assertThat(context.quorum()).isEqualTo(3);
    assertThat(context.height()).isEqualTo(8);
  }

  @Test
  void proposerIsTheOneAfterTheParentsProposerPlusTheRound() {
    HeightContext afterB = HeightContext.after(parent(b));

    assertThat(afterB.proposer(0)).isEqualTo(c);
    assertThat(afterB.proposer(1)).isEqualTo(d);
    assertThat(afterB.proposer(2)).isEqualTo(a);
    assertThat(afterB.proposer(1000)).isEqualTo(List.of(a, b, c, d).get((2 + 1000) % 4));
    assertThat(HeightContext.after(parent(d)).proposer(0)).isEqualTo(a);
  }

  @Test
  void aProposerNoLongerInTheSetHandsOverToTheNextAddressWithoutSkipping() {
    // Besu's handleMissingProposer: the first validator after the old one, plus the round
    assertThat(HeightContext.after(parent(Address.ZERO)).proposer(0)).isEqualTo(a);
    assertThat(HeightContext.after(parent(Address.of(0x25))).proposer(0)).isEqualTo(c);
    assertThat(HeightContext.after(parent(Address.of(0x25))).proposer(1)).isEqualTo(d);
    assertThat(HeightContext.after(parent(Address.of(0x99))).proposer(0)).isEqualTo(a);
  }

  private BlockHeader parent(Address coinbase) {
    return QbftFixtures.header(7, Bytes32.ZERO, coinbase, unsorted, 0, 1);
  }
}

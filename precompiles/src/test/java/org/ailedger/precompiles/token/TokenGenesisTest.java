package org.ailedger.precompiles.token;

import static org.ailedger.precompiles.token.TokenFixtures.ALICE;
import static org.ailedger.precompiles.token.TokenFixtures.BOB;
import static org.ailedger.precompiles.token.TokenFixtures.HOSPITAL;
import static org.ailedger.precompiles.token.TokenFixtures.LAB;
import static org.ailedger.precompiles.token.TokenFixtures.OWNER;
import static org.ailedger.precompiles.token.TokenFixtures.STRANGER;
import static org.ailedger.precompiles.token.TokenFixtures.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.permissions.PermissionsGenesis;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenGenesisTest {
  private final InMemorySlotStore store = new InMemorySlotStore();
  private final TokenLayout layout =
      new TokenLayout(ContractStorage.direct(store, ContributionToken.ADDRESS));

  @BeforeEach
  void seedPermissions() {
    PermissionsGenesis.seed(store, TokenFixtures.PERMISSIONS);
  }

  @Test
  void allocationBecomesCheckpointsAtBlockZero() {
    TokenGenesis.seed(store, Map.of(OWNER, units(400), ALICE, units(100), BOB, units(21)));

    assertThat(layout.balances(OWNER).entry(0)).isEqualTo(new Checkpoints.Entry(0, units(400)));
    assertThat(layout.balances(BOB).entry(0)).isEqualTo(new Checkpoints.Entry(0, units(21)));
    assertThat(layout.totalSupply().entry(0)).isEqualTo(new Checkpoints.Entry(0, units(521)));
    assertThat(layout.memberBalances(HOSPITAL).entry(0))
        .isEqualTo(new Checkpoints.Entry(0, units(400)));
    assertThat(layout.memberBalances(LAB).entry(0)).isEqualTo(new Checkpoints.Entry(0, units(121)));
    // isqrt(400) + isqrt(121) = 20 + 11
    assertThat(layout.quadraticTotal().entry(0)).isEqualTo(new Checkpoints.Entry(0, units(31)));
    assertThat(layout.quadraticTotal().length()).isEqualTo(1);
  }

  @Test
  void theAllocationIsVisibleThroughTheAbiAsBlockZero() {
    TokenHarness chain = new TokenHarness().atBlock(1);

    assertThat(chain.pastBalance(OWNER, 0)).isEqualTo(units(400));
    assertThat(chain.pastTotalSupply(0)).isEqualTo(units(500));
    assertThat(chain.pastQuadraticTotal(0)).isEqualTo(units(30));
  }

  @Test
  void aHolderThatIsNotPermittedIsRefusedAndNothingIsWritten() {
    assertThatThrownBy(() -> TokenGenesis.seed(store, Map.of(OWNER, units(1), STRANGER, units(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "genesis allocation to 0x000000000000000000000000000000000000dead, which is not a"
                + " permitted account");
    assertThat(store.slotsOf(ContributionToken.ADDRESS)).isEmpty();
  }

  @Test
  void anAllocationAboveTheMaximumSupplyIsRefused() {
    assertThatThrownBy(
            () ->
                TokenGenesis.seed(store, Map.of(OWNER, TokenLedger.MAX_SUPPLY, ALICE, UInt256.ONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds the maximum supply");
    assertThat(store.slotsOf(ContributionToken.ADDRESS)).isEmpty();
  }

  @Test
  void seedingTwiceIsRefused() {
    TokenGenesis.seed(store, Map.of(OWNER, units(1)));

    assertThatThrownBy(() -> TokenGenesis.seed(store, Map.of(ALICE, units(1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ContributionToken is already seeded in this state");
  }

  @Test
  void anEmptyAllocationLeavesTheTokenEmpty() {
    TokenGenesis.seed(store, Map.of());

    assertThat(store.slotsOf(ContributionToken.ADDRESS)).isEmpty();
  }
}

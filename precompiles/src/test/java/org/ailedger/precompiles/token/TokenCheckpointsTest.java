package org.ailedger.precompiles.token;

import static org.ailedger.precompiles.token.TokenFixtures.ALICE;
import static org.ailedger.precompiles.token.TokenFixtures.BOB;
import static org.ailedger.precompiles.token.TokenFixtures.HOSPITAL;
import static org.ailedger.precompiles.token.TokenFixtures.LAB;
import static org.ailedger.precompiles.token.TokenFixtures.OWNER;
import static org.ailedger.precompiles.token.TokenFixtures.units;
import static org.ailedger.precompiles.token.TokenHarness.abi;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Past values over several blocks. The story: genesis at block 0 (OWNER 400, ALICE 100); in block 3
 * OWNER sends 100 to ALICE and 50 to BOB; in block 7 the registry mints 44 to ALICE; queries run in
 * block 10.
 */
class TokenCheckpointsTest {
  private final TokenHarness chain = new TokenHarness();

  @BeforeEach
  void playTheStory() {
    chain.atBlock(3);
    assertThat(chain.token(OWNER, "transfer", abi(ALICE), abi(100)).success()).isTrue();
    assertThat(chain.token(OWNER, "transfer", abi(BOB), abi(50)).success()).isTrue();
    chain.atBlock(7);
    assertThat(chain.reward(ALICE, 44).success()).isTrue();
    chain.atBlock(10);
  }

  @Test
  void pastBalancesFollowEachAccountsHistory() {
    for (long block = 0; block < 10; block++) {
      assertThat(chain.pastBalance(OWNER, block))
          .as("block %d", block)
          .isEqualTo(units(block < 3 ? 400 : 250));
      assertThat(chain.pastBalance(BOB, block))
          .as("block %d", block)
          .isEqualTo(units(block < 3 ? 0 : 50));
      long alice = block < 3 ? 100 : block < 7 ? 200 : 244;
      assertThat(chain.pastBalance(ALICE, block)).as("block %d", block).isEqualTo(units(alice));
    }
  }

  @Test
  void pastTotalSupplyChangesOnlyWithTheMint() {
    for (long block = 0; block < 10; block++) {
      assertThat(chain.pastTotalSupply(block))
          .as("block %d", block)
          .isEqualTo(units(block < 7 ? 500 : 544));
    }
  }

  @Test
  void pastMemberBalancesAndQuadraticTotalFollowTheMembers() {
    for (long block = 0; block < 10; block++) {
      long hospital = block < 3 ? 400 : 250;
      long lab = block < 3 ? 100 : block < 7 ? 250 : 294;
      assertThat(chain.pastMemberBalance(HOSPITAL, block))
          .as("block %d", block)
          .isEqualTo(units(hospital));
      assertThat(chain.pastMemberBalance(LAB, block)).as("block %d", block).isEqualTo(units(lab));
      // 20 + 10, then 15 + 15, then 15 + 17
      long q = block < 3 ? 30 : block < 7 ? 30 : 32;
      assertThat(chain.pastQuadraticTotal(block)).as("block %d", block).isEqualTo(units(q));
    }
  }

  @Test
  void changesWithinOneBlockShareOneCheckpoint() {
    TokenLayout layout =
        new TokenLayout(ContractStorage.direct(chain.store, ContributionToken.ADDRESS));

    assertThat(layout.balances(OWNER).length()).isEqualTo(2);
    assertThat(layout.balances(OWNER).entry(1)).isEqualTo(new Checkpoints.Entry(3, units(250)));
    assertThat(layout.memberBalances(LAB).length()).isEqualTo(3);
    assertThat(layout.totalSupply().length()).isEqualTo(2);
  }

  @Test
  void currentValuesIncludeTheBlockBeingExecuted() {
    chain.token(ALICE, "transfer", abi(BOB), abi(4));

    assertThat(chain.balanceOf(ALICE)).isEqualTo(units(240));
    assertThat(chain.memberBalance(LAB)).isEqualTo(units(294));
    assertThat(chain.pastBalance(ALICE, 9)).isEqualTo(units(244));
  }

  @Test
  void pastBalanceOfTheCurrentOrAFutureBlockIsRefused() {
    assertRefused(
        () -> chain.token(OWNER, "getPastBalance", abi(OWNER), abi(10)),
        "block 10 is not yet mined");
    assertRefused(
        () -> chain.token(OWNER, "getPastBalance", abi(OWNER), abi(11)),
        "block 11 is not yet mined");
  }

  @Test
  void pastTotalSupplyOfAFutureBlockIsRefused() {
    assertRefused(
        () -> chain.token(OWNER, "getPastTotalSupply", abi(12)), "block 12 is not yet mined");
  }

  @Test
  void pastMemberBalanceOfAFutureBlockIsRefused() {
    assertRefused(
        () -> chain.token(OWNER, "getPastMemberBalance", abi(LAB), abi(10)),
        "block 10 is not yet mined");
  }

  @Test
  void pastQuadraticTotalOfAFutureBlockIsRefused() {
    assertRefused(
        () -> chain.token(OWNER, "getPastQuadraticTotal", abi(10)), "block 10 is not yet mined");
  }

  @Test
  void blockNumbersBeyondSixtyFourBitsAreFutureBlocksToo() {
    UInt256 huge = UInt256.ONE.shiftLeft(255);

    assertRefused(
        () -> chain.token(OWNER, "getPastTotalSupply", abi(huge)),
        "block " + huge.toDecimalString() + " is not yet mined");
  }

  @Test
  void anAccountWithoutHistoryReadsZeroAtEveryPastBlock() {
    Address newcomer = Address.of(0x4242);

    assertThat(chain.pastBalance(newcomer, 0)).isEqualTo(UInt256.ZERO);
    assertThat(chain.pastBalance(newcomer, 9)).isEqualTo(UInt256.ZERO);
  }

  private void assertRefused(Supplier<CallOutcome> call, String reason) {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = call.get();

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.revertReason()).contains(reason);
    assertThat(chain.store).isEqualTo(before);
  }
}

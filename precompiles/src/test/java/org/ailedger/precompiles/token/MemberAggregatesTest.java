package org.ailedger.precompiles.token;

import static org.ailedger.precompiles.token.TokenFixtures.AGGREGATOR;
import static org.ailedger.precompiles.token.TokenFixtures.ALICE;
import static org.ailedger.precompiles.token.TokenFixtures.BOB;
import static org.ailedger.precompiles.token.TokenFixtures.HOSPITAL;
import static org.ailedger.precompiles.token.TokenFixtures.LAB;
import static org.ailedger.precompiles.token.TokenFixtures.NEWCOMER;
import static org.ailedger.precompiles.token.TokenFixtures.OWNER;
import static org.ailedger.precompiles.token.TokenFixtures.units;
import static org.ailedger.precompiles.token.TokenHarness.abi;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.permissions.Permissions;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/**
 * raw(m) and Q follow tokens between members and follow accounts joining and leaving members, so
 * that voting weight is per member, never per account.
 */
class MemberAggregatesTest {
  private final TokenHarness chain = new TokenHarness().atBlock(2);

  private final TokenLayout layout =
      new TokenLayout(ContractStorage.direct(chain.store, ContributionToken.ADDRESS));

  @Test
  void transferBetweenOneMembersAccountsLeavesItsWeightAlone() {
    CallOutcome outcome = chain.token(OWNER, "transfer", abi(AGGREGATOR), abi(150));

    assertThat(outcome.success()).isTrue();
    assertThat(chain.memberBalance(HOSPITAL)).isEqualTo(units(400));
    assertThat(chain.quadraticTotal()).isEqualTo(units(30));
    assertThat(layout.memberBalances(HOSPITAL).length()).isEqualTo(1);
    assertThat(layout.quadraticTotal().length()).isEqualTo(1);
  }

  @Test
  void transferBetweenMembersMovesRawBalancesAndQ() {
    chain.token(OWNER, "transfer", abi(BOB), abi(139));

    assertThat(chain.memberBalance(HOSPITAL)).isEqualTo(units(261));
    assertThat(chain.memberBalance(LAB)).isEqualTo(units(239));
    // isqrt(261) + isqrt(239) = 16 + 15
    assertThat(chain.quadraticTotal()).isEqualTo(units(31));
  }

  @Test
  void splittingTokensAcrossOneMembersAccountsGainsNoWeight() {
    chain.token(OWNER, "transfer", abi(AGGREGATOR), abi(200));
    chain.atBlock(3);

    assertThat(chain.pastMemberBalance(HOSPITAL, 2)).isEqualTo(units(400));
    assertThat(chain.pastQuadraticTotal(2)).isEqualTo(units(30));
  }

  @Test
  void removingAnAccountTakesItsBalanceOutOfItsMember() {
    CallOutcome outcome = chain.removeAccount(ALICE);

    assertThat(outcome.success()).as(outcome.revertReason().orElse("")).isTrue();
    assertThat(chain.memberBalance(LAB)).isEqualTo(UInt256.ZERO);
    assertThat(chain.quadraticTotal()).isEqualTo(units(20));
    assertThat(chain.balanceOf(ALICE)).isEqualTo(units(100));
    assertThat(chain.totalSupply()).isEqualTo(units(500));
  }

  @Test
  void permissionsStillEmitsOnlyItsOwnEventsForAMembershipChange() {
    CallOutcome outcome = chain.removeAccount(ALICE);

    assertThat(outcome.logs())
        .allSatisfy(log -> assertThat(log.address()).isEqualTo(Permissions.ADDRESS));
  }

  @Test
  void reAddingAnAccountUnderAnotherMemberMovesItsBalanceThere() {
    chain.removeAccount(ALICE);
    chain.atBlock(4);
    CallOutcome outcome = chain.addAccount(ALICE, NEWCOMER);
    chain.atBlock(6);

    assertThat(outcome.success()).as(outcome.revertReason().orElse("")).isTrue();
    assertThat(chain.memberBalance(NEWCOMER)).isEqualTo(units(100));
    assertThat(chain.memberBalance(LAB)).isEqualTo(UInt256.ZERO);
    assertThat(pastRaw(LAB)).containsExactly(100L, 100L, 0L, 0L, 0L, 0L);
    assertThat(pastRaw(NEWCOMER)).containsExactly(0L, 0L, 0L, 0L, 100L, 100L);
    assertThat(pastQ()).containsExactly(30L, 30L, 20L, 20L, 30L, 30L);
  }

  @Test
  void membershipChangesOfAnEmptyAccountWriteNothingToTheToken() {
    Map<?, ?> before = chain.store.slotsOf(ContributionToken.ADDRESS);

    assertThat(chain.removeAccount(AGGREGATOR).success()).isTrue();
    assertThat(chain.addAccount(AGGREGATOR, LAB).success()).isTrue();

    assertThat(chain.store.slotsOf(ContributionToken.ADDRESS)).isEqualTo(before);
  }

  @Test
  void tokensSentByARemovedAccountCountForTheRecipientsMember() {
    chain.removeAccount(ALICE);

    chain.token(ALICE, "transfer", abi(BOB), abi(60));

    assertThat(chain.memberBalance(LAB)).isEqualTo(units(60));
    // isqrt(400) + isqrt(60) = 20 + 7
    assertThat(chain.quadraticTotal()).isEqualTo(units(27));
  }

  @Test
  void aMembershipChangeThatRevertsLeavesTheAggregatesAlone() {
    Map<?, ?> before = chain.store.slotsOf(ContributionToken.ADDRESS);

    CallOutcome outcome = chain.addAccount(ALICE, NEWCOMER);

    assertThat(outcome.revertReason().orElseThrow())
        .startsWith("account " + ALICE + " is already permitted");
    assertThat(chain.store.slotsOf(ContributionToken.ADDRESS)).isEqualTo(before);
  }

  private List<Long> pastRaw(Bytes32 member) {
    return LongStream.range(0, chain.block())
        .mapToObj(b -> chain.pastMemberBalance(member, b).toLong())
        .toList();
  }

  private List<Long> pastQ() {
    return LongStream.range(0, chain.block())
        .mapToObj(b -> chain.pastQuadraticTotal(b).toLong())
        .toList();
  }
}

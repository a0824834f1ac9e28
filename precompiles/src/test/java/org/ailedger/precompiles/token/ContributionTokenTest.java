package org.ailedger.precompiles.token;

import static org.ailedger.precompiles.token.TokenFixtures.ALICE;
import static org.ailedger.precompiles.token.TokenFixtures.BOB;
import static org.ailedger.precompiles.token.TokenFixtures.OWNER;
import static org.ailedger.precompiles.token.TokenFixtures.STRANGER;
import static org.ailedger.precompiles.token.TokenFixtures.units;
import static org.ailedger.precompiles.token.TokenHarness.abi;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.abi.RevertData;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;

/** The ERC-20 surface as a wallet uses it: ABI calls in, ABI results and standard logs out. */
class ContributionTokenTest {
  /** keccak256("Transfer(address,address,uint256)"), the topic every ERC-20 indexer filters on. */
  private static final Bytes32 TRANSFER_TOPIC =
      Bytes32.fromHexString("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

  /** keccak256("Approval(address,address,uint256)"). */
  private static final Bytes32 APPROVAL_TOPIC =
      Bytes32.fromHexString("0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925");

  private final TokenHarness chain = new TokenHarness().atBlock(5);

  @Test
  void metadataIsWhatWalletsDisplay() {
    Address anyone = Address.of(0xeeee);

    assertThat(
            TokenHarness.decode(chain.token(anyone, "name"), new TypeReference<Utf8String>() {})
                .get(0)
                .getValue())
        .isEqualTo("AI Contribution Token");
    assertThat(
            TokenHarness.decode(chain.token(anyone, "symbol"), new TypeReference<Utf8String>() {})
                .get(0)
                .getValue())
        .isEqualTo("ACT");
    assertThat(
            TokenHarness.decode(chain.token(anyone, "decimals"), new TypeReference<Uint8>() {})
                .get(0)
                .getValue())
        .isEqualTo(BigInteger.valueOf(18));
  }

  @Test
  void genesisAllocationShowsInBalancesAndTotalSupply() {
    assertThat(chain.balanceOf(OWNER)).isEqualTo(units(400));
    assertThat(chain.balanceOf(ALICE)).isEqualTo(units(100));
    assertThat(chain.balanceOf(STRANGER)).isEqualTo(UInt256.ZERO);
    assertThat(chain.totalSupply()).isEqualTo(units(500));
  }

  @Test
  void transferMovesTokensReturnsTrueAndEmitsTransfer() {
    CallOutcome outcome = chain.token(OWNER, "transfer", abi(ALICE), abi(150));

    assertThat(TokenHarness.decode(outcome, new TypeReference<Bool>() {}).get(0).getValue())
        .isEqualTo(true);
    assertThat(outcome.logs())
        .containsExactly(
            new Log(
                ContributionToken.ADDRESS,
                List.of(TRANSFER_TOPIC, OWNER.toWord(), ALICE.toWord()),
                units(150).toBytes()));
    assertThat(chain.balanceOf(OWNER)).isEqualTo(units(250));
    assertThat(chain.balanceOf(ALICE)).isEqualTo(units(250));
    assertThat(chain.totalSupply()).isEqualTo(units(500));
  }

  @Test
  void eventTopicsAreTheStandardErc20Ones() {
    assertThat(TokenEvents.TRANSFER.topic()).isEqualTo(TRANSFER_TOPIC);
    assertThat(TokenEvents.APPROVAL.topic()).isEqualTo(APPROVAL_TOPIC);
  }

  @Test
  void zeroTransferSucceedsAndIsLoggedWithoutChangingBalances() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.token(BOB, "transfer", abi(ALICE), abi(0));

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.logs())
        .containsExactly(
            new Log(
                ContributionToken.ADDRESS,
                List.of(TRANSFER_TOPIC, BOB.toWord(), ALICE.toWord()),
                UInt256.ZERO.toBytes()));
    assertThat(chain.store).isEqualTo(before);
  }

  @Test
  void transferToSelfKeepsTheBalanceAndIsLogged() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.token(OWNER, "transfer", abi(OWNER), abi(400));

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.logs()).hasSize(1);
    assertThat(chain.store).isEqualTo(before);
  }

  @Test
  void approveSetsTheAllowanceAndEmitsApproval() {
    CallOutcome outcome = chain.token(OWNER, "approve", abi(BOB), abi(70));

    assertThat(TokenHarness.decode(outcome, new TypeReference<Bool>() {}).get(0).getValue())
        .isEqualTo(true);
    assertThat(outcome.logs())
        .containsExactly(
            new Log(
                ContributionToken.ADDRESS,
                List.of(APPROVAL_TOPIC, OWNER.toWord(), BOB.toWord()),
                units(70).toBytes()));
    assertThat(chain.viewUint("allowance", abi(OWNER), abi(BOB))).isEqualTo(units(70));
    assertThat(chain.viewUint("allowance", abi(BOB), abi(OWNER))).isEqualTo(UInt256.ZERO);
  }

  @Test
  void approveReplacesTheEarlierAllowance() {
    chain.token(OWNER, "approve", abi(BOB), abi(70));

    chain.token(OWNER, "approve", abi(BOB), abi(5));

    assertThat(chain.viewUint("allowance", abi(OWNER), abi(BOB))).isEqualTo(units(5));
  }

  @Test
  void transferFromSpendsAllowanceAndAnnouncesWhatIsLeft() {
    chain.token(OWNER, "approve", abi(BOB), abi(70));

    CallOutcome outcome = chain.token(BOB, "transferFrom", abi(OWNER), abi(ALICE), abi(30));

    assertThat(TokenHarness.decode(outcome, new TypeReference<Bool>() {}).get(0).getValue())
        .isEqualTo(true);
    assertThat(outcome.logs())
        .containsExactly(
            new Log(
                ContributionToken.ADDRESS,
                List.of(APPROVAL_TOPIC, OWNER.toWord(), BOB.toWord()),
                units(40).toBytes()),
            new Log(
                ContributionToken.ADDRESS,
                List.of(TRANSFER_TOPIC, OWNER.toWord(), ALICE.toWord()),
                units(30).toBytes()));
    assertThat(chain.viewUint("allowance", abi(OWNER), abi(BOB))).isEqualTo(units(40));
    assertThat(chain.balanceOf(OWNER)).isEqualTo(units(370));
    assertThat(chain.balanceOf(ALICE)).isEqualTo(units(130));
    assertThat(chain.balanceOf(BOB)).isEqualTo(UInt256.ZERO);
  }

  @Test
  void unlimitedAllowanceIsNotSpentDown() {
    chain.token(OWNER, "approve", abi(BOB), abi(UInt256.MAX_VALUE));

    CallOutcome outcome = chain.token(BOB, "transferFrom", abi(OWNER), abi(BOB), abi(400));

    assertThat(outcome.logs())
        .extracting(log -> log.topics().get(0))
        .containsExactly(TRANSFER_TOPIC);
    assertThat(chain.viewUint("allowance", abi(OWNER), abi(BOB))).isEqualTo(UInt256.MAX_VALUE);
    assertThat(chain.balanceOf(BOB)).isEqualTo(units(400));
  }

  @Test
  void transferToAnAccountThatIsNotPermittedIsRefused() {
    assertRefused(
        () -> chain.token(OWNER, "transfer", abi(STRANGER), abi(1)),
        "recipient 0x000000000000000000000000000000000000dead is not a permitted account");
  }

  @Test
  void transferToTheZeroAddressIsRefused() {
    assertRefused(
        () -> chain.token(OWNER, "transfer", abi(Address.ZERO), abi(1)),
        "recipient 0x0000000000000000000000000000000000000000 is not a permitted account");
  }

  @Test
  void transferBeyondTheBalanceIsRefused() {
    assertRefused(
        () -> chain.token(OWNER, "transfer", abi(ALICE), abi(401)),
        "transfer amount 401 exceeds the balance 400 of"
            + " 0x00000000000000000000000000000000000000a1");
  }

  @Test
  void revertDataIsTheStandardErrorString() {
    CallOutcome outcome = chain.token(BOB, "transfer", abi(ALICE), abi(1));

    assertThat(outcome.output())
        .isEqualTo(
            RevertData.encode(
                "transfer amount 1 exceeds the balance 0 of"
                    + " 0x00000000000000000000000000000000000000b2"));
  }

  @Test
  void transferFromBeyondTheAllowanceIsRefused() {
    chain.token(OWNER, "approve", abi(BOB), abi(50));

    assertRefused(
        () -> chain.token(BOB, "transferFrom", abi(OWNER), abi(ALICE), abi(51)),
        "transfer amount 51 exceeds the allowance 50 that"
            + " 0x00000000000000000000000000000000000000a1 gave"
            + " 0x00000000000000000000000000000000000000b2");
  }

  @Test
  void transferFromWithoutAnyAllowanceIsRefused() {
    assertRefused(
        () -> chain.token(BOB, "transferFrom", abi(OWNER), abi(BOB), abi(1)),
        "transfer amount 1 exceeds the allowance 0 that"
            + " 0x00000000000000000000000000000000000000a1 gave"
            + " 0x00000000000000000000000000000000000000b2");
  }

  @Test
  void transferFromBeyondTheOwnersBalanceIsRefusedAndKeepsTheAllowance() {
    chain.token(ALICE, "approve", abi(BOB), abi(500));

    assertRefused(
        () -> chain.token(BOB, "transferFrom", abi(ALICE), abi(BOB), abi(101)),
        "transfer amount 101 exceeds the balance 100 of"
            + " 0x00000000000000000000000000000000000000b1");
    assertThat(chain.viewUint("allowance", abi(ALICE), abi(BOB))).isEqualTo(units(500));
  }

  @Test
  void transferFromToAnAccountThatIsNotPermittedIsRefused() {
    chain.token(OWNER, "approve", abi(BOB), abi(50));

    assertRefused(
        () -> chain.token(BOB, "transferFrom", abi(OWNER), abi(STRANGER), abi(10)),
        "recipient 0x000000000000000000000000000000000000dead is not a permitted account");
  }

  @Test
  void approvingTheZeroAddressIsRefused() {
    assertRefused(
        () -> chain.token(OWNER, "approve", abi(Address.ZERO), abi(1)),
        "the zero address cannot be approved as a spender");
  }

  @Test
  void sendingValueIsRefused() {
    assertRefused(
        () ->
            chain.call(
                ContributionToken.ADDRESS,
                OWNER,
                UInt256.ONE,
                TokenHarness.encode("transfer", abi(ALICE), abi(1))),
        "native contracts do not accept value: transfer(address,uint256) is not payable");
  }

  @Test
  void thereIsNoMintFunctionInTheAbi() {
    assertRefused(
        () -> chain.token(OWNER, "mint", abi(OWNER), abi(1)),
        "unknown function selector 0x40c10f19 on ContributionToken");
  }

  @Test
  void removedAccountKeepsItsTokensAndMaySendThemButNotReceive() {
    chain.removeAccount(ALICE);

    assertThat(chain.balanceOf(ALICE)).isEqualTo(units(100));
    assertRefused(
        () -> chain.token(OWNER, "transfer", abi(ALICE), abi(1)),
        "recipient 0x00000000000000000000000000000000000000b1 is not a permitted account");
    assertThat(chain.token(ALICE, "transfer", abi(BOB), abi(60)).success()).isTrue();
    assertThat(chain.balanceOf(BOB)).isEqualTo(units(60));
  }

  private void assertRefused(Supplier<CallOutcome> call, String reason) {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = call.get();

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.revertReason()).contains(reason);
    assertThat(outcome.logs()).isEmpty();
    assertThat(outcome.output()).isNotEqualTo(Bytes.EMPTY);
    assertThat(chain.store).isEqualTo(before);
  }
}

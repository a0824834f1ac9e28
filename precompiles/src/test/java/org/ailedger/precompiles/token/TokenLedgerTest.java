package org.ailedger.precompiles.token;

import static org.ailedger.precompiles.token.TokenFixtures.ALICE;
import static org.ailedger.precompiles.token.TokenFixtures.BOB;
import static org.ailedger.precompiles.token.TokenFixtures.HOSPITAL;
import static org.ailedger.precompiles.token.TokenFixtures.LAB;
import static org.ailedger.precompiles.token.TokenFixtures.NEWCOMER;
import static org.ailedger.precompiles.token.TokenFixtures.OWNER;
import static org.ailedger.precompiles.token.TokenFixtures.STRANGER;
import static org.ailedger.precompiles.token.TokenFixtures.units;
import static org.ailedger.precompiles.token.TokenHarness.abi;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.ailedger.precompiles.permissions.Permissions;
import org.ailedger.precompiles.permissions.PermissionsGenesis;
import org.ailedger.precompiles.permissions.PermissionsView;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/** The Java API other native contracts call within one transaction. */
class TokenLedgerTest {
  private final TokenHarness chain = new TokenHarness().atBlock(5);

  @Test
  void registryMintsToAPermittedAccountWithATransferFromZero() {
    CallOutcome outcome = chain.reward(BOB, 49);

    assertThat(outcome.success()).as(outcome.revertReason().orElse("")).isTrue();
    assertThat(outcome.logs())
        .containsExactly(
            new Log(
                ContributionToken.ADDRESS,
                List.of(TokenEvents.TRANSFER.topic(), Address.ZERO.toWord(), BOB.toWord()),
                units(49).toBytes()));
    assertThat(chain.balanceOf(BOB)).isEqualTo(units(49));
    assertThat(chain.totalSupply()).isEqualTo(units(549));
    assertThat(chain.memberBalance(LAB)).isEqualTo(units(149));
    assertThat(chain.memberBalance(HOSPITAL)).isEqualTo(units(400));
    // isqrt(400) + isqrt(149) = 20 + 12
    assertThat(chain.quadraticTotal()).isEqualTo(units(32));
  }

  @Test
  void mintByAnyContractButTheRegistryIsRefused() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome =
        chain.call(
            NativeAddresses.DATA_PROVENANCE,
            OWNER,
            UInt256.ZERO,
            TokenHarness.encode("sneakMint", abi(OWNER), abi(1_000)));

    assertThat(outcome.revertReason())
        .contains(
            "only the ModelRegistry 0x0000000000000000000000000000000000001001 may mint ACT;"
                + " caller was 0x0000000000000000000000000000000000001002");
    assertThat(outcome.logs()).isEmpty();
    assertThat(chain.store).isEqualTo(before);
  }

  @Test
  void mintToAnAccountThatIsNotPermittedIsRefused() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.reward(STRANGER, 1);

    assertThat(outcome.revertReason())
        .contains(
            "mint recipient 0x000000000000000000000000000000000000dead is not a permitted account");
    assertThat(chain.store).isEqualTo(before);
  }

  @Test
  void mintUpToTheMaximumSupplySucceedsAndOneMoreIsRefused() {
    UInt256 headroom = TokenLedger.MAX_SUPPLY.subtract(units(500));

    assertThat(chain.reward(OWNER, headroom).success()).isTrue();
    assertThat(chain.totalSupply()).isEqualTo(TokenLedger.MAX_SUPPLY);
    InMemorySlotStore before = chain.store.copy();
    CallOutcome outcome = chain.reward(ALICE, 1);

    assertThat(outcome.revertReason())
        .contains(
            "minting 1 would raise the total supply "
                + TokenLedger.MAX_SUPPLY.toDecimalString()
                + " above the maximum 2^192 - 1");
    assertThat(chain.store).isEqualTo(before);
  }

  @Test
  void zeroMintIsLoggedAndChangesNothing() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.reward(BOB, 0);

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.logs()).hasSize(1);
    assertThat(chain.store).isEqualTo(before);
  }

  @Test
  void registryRevertingLaterDiscardsTheMint() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome =
        chain.call(
            NativeAddresses.MODEL_REGISTRY,
            OWNER,
            UInt256.ZERO,
            TokenHarness.encode("rewardThenFail", abi(BOB), abi(10)));

    assertThat(outcome.revertReason()).contains("round finalisation failed later");
    assertThat(chain.store).isEqualTo(before);
  }

  @Test
  void membershipReportsFromAnyoneButPermissionsAreRefused() {
    chain.removeAccount(ALICE);
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome =
        chain.call(
            NativeAddresses.DATA_PROVENANCE,
            OWNER,
            UInt256.ZERO,
            TokenHarness.encode("sneakMembership", abi(ALICE), abi(NEWCOMER)));

    assertThat(outcome.revertReason())
        .contains(
            "only Permissions 0x0000000000000000000000000000000000001000 may report membership"
                + " changes to ContributionToken; caller was"
                + " 0x0000000000000000000000000000000000001002");
    assertThat(chain.store).isEqualTo(before);
  }

  @Test
  void governorReadsPastWeightsThroughJava() {
    chain.reward(BOB, 49);
    chain.atBlock(6);

    assertThat(weights(LAB, 4)).containsExactly(units(100), units(30));
    assertThat(weights(LAB, 5)).containsExactly(units(149), units(32));
    assertThat(weights(NEWCOMER, 5)).containsExactly(UInt256.ZERO, units(32));
  }

  @Test
  void governorAskingAboutTheCurrentBlockIsRefused() {
    CallOutcome outcome =
        chain.call(
            NativeAddresses.QUADRATIC_GOVERNOR,
            OWNER,
            UInt256.ZERO,
            TokenHarness.encode("weights", abi(LAB), abi(5)));

    assertThat(outcome.revertReason()).contains("block 5 is not yet mined");
  }

  @Test
  void permissionsWorksOnAChainWithoutTheToken() {
    InMemorySlotStore store = new InMemorySlotStore();
    PermissionsGenesis.seed(store, TokenFixtures.PERMISSIONS);
    NativeCallExecutor permissionsOnly =
        new NativeCallExecutor(
            NativeContracts.of(List.of(new Permissions())),
            GasSchedule.DEFAULT,
            bug -> {
              throw new AssertionError("contract bug", bug);
            });

    CallOutcome outcome =
        permissionsOnly.execute(
            Permissions.ADDRESS,
            new CallContext(Permissions.GOVERNOR, UInt256.ZERO, 3, 0, 1337, TokenHarness.GAS),
            TokenHarness.encode("addAccount", abi(STRANGER), abi(NEWCOMER)),
            store);

    assertThat(outcome.success()).as(outcome.revertReason().orElse("")).isTrue();
    assertThat(PermissionsView.of(store).memberOf(STRANGER)).contains(NEWCOMER);
  }

  @Test
  void theStandardChainRunsTheTokenAtItsFixedAddress() {
    assertThat(NativeContracts.standard().at(NativeAddresses.CONTRIBUTION_TOKEN))
        .containsInstanceOf(ContributionToken.class);
  }

  private List<UInt256> weights(Bytes32 member, long block) {
    CallOutcome outcome =
        chain.call(
            NativeAddresses.QUADRATIC_GOVERNOR,
            OWNER,
            UInt256.ZERO,
            TokenHarness.encode("weights", abi(member), abi(block)));
    @SuppressWarnings("rawtypes")
    List<Type> values =
        TokenHarness.decode(
            outcome, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {});
    return values.stream().map(v -> UInt256.valueOf(((Uint256) v).getValue())).toList();
  }
}

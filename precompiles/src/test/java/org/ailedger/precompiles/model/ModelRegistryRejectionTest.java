package org.ailedger.precompiles.model;

import static org.ailedger.precompiles.model.LedgerFixtures.AGGREGATOR;
import static org.ailedger.precompiles.model.LedgerFixtures.C1;
import static org.ailedger.precompiles.model.LedgerFixtures.C2;
import static org.ailedger.precompiles.model.LedgerFixtures.C3;
import static org.ailedger.precompiles.model.LedgerFixtures.MAX_REWARD;
import static org.ailedger.precompiles.model.LedgerFixtures.MODEL;
import static org.ailedger.precompiles.model.LedgerFixtures.OTHER_AGGREGATOR;
import static org.ailedger.precompiles.model.LedgerFixtures.OUTSIDER;
import static org.ailedger.precompiles.model.LedgerFixtures.OWNER;
import static org.ailedger.precompiles.model.LedgerFixtures.PROVIDER;
import static org.ailedger.precompiles.model.LedgerFixtures.tokens;
import static org.ailedger.precompiles.model.LedgerFixtures.word;
import static org.ailedger.precompiles.model.LedgerHarness.abi;
import static org.ailedger.precompiles.model.LedgerHarness.uint256;
import static org.ailedger.precompiles.model.LedgerHarness.uint64;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.abi.RevertData;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * Every refusal of the registry: the revert carries a reason a person can act on, as {@code
 * Error(string)}, and the call leaves every contract's storage exactly as it was.
 */
class ModelRegistryRejectionTest {
  private static final Address REGISTRY = NativeAddresses.MODEL_REGISTRY;
  private static final String M = MODEL.toHexString();

  private final LedgerHarness chain = new LedgerHarness();

  private void assertRefused(Supplier<CallOutcome> call, String reason) {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = call.get();

    assertThat(outcome.success()).as("call should revert").isFalse();
    assertThat(outcome.revertReason()).contains(reason);
    assertThat(RevertData.decode(outcome.output())).contains(reason);
    assertThat(outcome.logs()).isEmpty();
    assertThat(chain.store).as("storage after the refused call").isEqualTo(before);
  }

  private CallOutcome register(Address caller, Bytes32 modelId, String uri, Address aggregator) {
    return chain.registry(
        caller, "registerModel", abi(modelId), new Utf8String(uri), abi(aggregator));
  }

  private CallOutcome open(Address caller, long round, UInt256 pool, long deadline) {
    return chain.registry(
        caller,
        "openRound",
        abi(MODEL),
        uint64(round),
        abi(word("base")),
        uint256(pool),
        uint64(deadline));
  }

  private static UInt256 u(long value) {
    return UInt256.valueOf(value);
  }

  @Nested
  class Registration {
    @Test
    void aCallerWithoutModelOwnerCannotRegister() {
      assertRefused(
          () -> register(OUTSIDER, MODEL, "ipfs://m", AGGREGATOR),
          "caller " + OUTSIDER + " lacks role MODEL_OWNER");
    }

    @Test
    void aModelIdIsRegisteredOnce() {
      chain.ok(REGISTRY, OWNER, "registerModel", abi(MODEL), new Utf8String("a"), abi(AGGREGATOR));

      assertRefused(
          () -> register(OWNER, MODEL, "b", OTHER_AGGREGATOR),
          "model " + M + " is already registered");
    }

    @Test
    void theAggregatorMustHoldTheAggregatorRole() {
      assertRefused(
          () -> register(OWNER, MODEL, "ipfs://m", C1),
          "aggregator " + C1 + " lacks role AGGREGATOR");
    }

    @Test
    void theZeroModelIdIsRefused() {
      assertRefused(
          () -> register(OWNER, Bytes32.ZERO, "ipfs://m", AGGREGATOR), "model id must not be zero");
    }

    @Test
    void anOverlongMetadataUriIsRefused() {
      assertRefused(
          () -> register(OWNER, MODEL, "u".repeat(1025), AGGREGATOR),
          "metadata URI of model " + M + " has 1025 bytes; at most 1024 are allowed");
    }
  }

  @Nested
  class Opening {
    @Test
    void onlyTheModelsAggregatorOpensRounds() {
      chain.ok(REGISTRY, OWNER, "registerModel", abi(MODEL), new Utf8String("a"), abi(AGGREGATOR));

      assertRefused(
          () -> open(OTHER_AGGREGATOR, 1, tokens(1), 50),
          "caller "
              + OTHER_AGGREGATOR
              + " is not the aggregator of model "
              + M
              + "; its aggregator is "
              + AGGREGATOR);
      assertRefused(
          () -> open(OWNER, 1, tokens(1), 50),
          "caller "
              + OWNER
              + " is not the aggregator of model "
              + M
              + "; its aggregator is "
              + AGGREGATOR);
    }

    @Test
    void anAggregatorWhoseRoleWasRevokedCanNoLongerOpen() {
      chain.ok(REGISTRY, OWNER, "registerModel", abi(MODEL), new Utf8String("a"), abi(AGGREGATOR));
      chain.ok(
          NativeAddresses.PERMISSIONS,
          NativeAddresses.QUADRATIC_GOVERNOR,
          "revokeRole",
          abi(Role.AGGREGATOR.id()),
          abi(AGGREGATOR));

      assertRefused(
          () -> open(AGGREGATOR, 1, tokens(1), 50),
          "caller " + AGGREGATOR + " lacks role AGGREGATOR");
    }

    @Test
    void anUnregisteredModelHasNoRounds() {
      assertRefused(() -> open(AGGREGATOR, 1, tokens(1), 50), "model " + M + " is not registered");
    }

    @Test
    void roundsOpenInOrder() {
      chain.ok(REGISTRY, OWNER, "registerModel", abi(MODEL), new Utf8String("a"), abi(AGGREGATOR));

      assertRefused(
          () -> open(AGGREGATOR, 2, tokens(1), 50),
          "round 2 of model " + M + " is out of order; the next round is 1");
      assertRefused(
          () -> open(AGGREGATOR, 0, tokens(1), 50),
          "round 0 of model " + M + " is out of order; the next round is 1");
    }

    @Test
    void aSecondRoundWaitsForTheOpenOne() {
      chain.registerAndOpen(MODEL, tokens(1), 50);

      assertRefused(
          () -> open(AGGREGATOR, 2, tokens(1), 50),
          "round 1 of model " + M + " is still open; finalize it before opening round 2");
    }

    @Test
    void aFinalizedRoundIsNotOpenedAgain() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      chain.finalizeOk(MODEL, 1, List.of(), List.of());

      assertRefused(
          () -> open(AGGREGATOR, 1, tokens(1), 50),
          "round 1 of model " + M + " is out of order; the next round is 2");
    }

    @Test
    void theDeadlineMustLieAfterTheCurrentBlock() {
      chain.ok(REGISTRY, OWNER, "registerModel", abi(MODEL), new Utf8String("a"), abi(AGGREGATOR));
      chain.mine(20);

      assertRefused(
          () -> open(AGGREGATOR, 1, tokens(1), chain.block()),
          "deadline block "
              + chain.block()
              + " of round 1 of model "
              + M
              + " must be after the current block "
              + chain.block());
    }

    @Test
    void aDeadlineBeyondTheLargestBlockNumberIsRefused() {
      chain.ok(REGISTRY, OWNER, "registerModel", abi(MODEL), new Utf8String("a"), abi(AGGREGATOR));

      assertRefused(
          () ->
              chain.registry(
                  AGGREGATOR,
                  "openRound",
                  abi(MODEL),
                  uint64(1),
                  abi(word("base")),
                  uint256(tokens(1)),
                  new Uint64(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))),
          "deadline block 18446744073709551615 is beyond the last block number"
              + " 9223372036854775807");
    }

    @Test
    void aRewardPoolAboveMaxRewardPerRoundIsRefused() {
      chain.ok(REGISTRY, OWNER, "registerModel", abi(MODEL), new Utf8String("a"), abi(AGGREGATOR));
      UInt256 pool = MAX_REWARD.add(UInt256.ONE);

      assertRefused(
          () -> open(AGGREGATOR, 1, pool, 50),
          "reward pool "
              + pool.toDecimalString()
              + " of round 1 of model "
              + M
              + " exceeds maxRewardPerRound "
              + MAX_REWARD.toDecimalString());
    }

    @Test
    void aPoolOfExactlyMaxRewardPerRoundIsAllowed() {
      chain.ok(REGISTRY, OWNER, "registerModel", abi(MODEL), new Utf8String("a"), abi(AGGREGATOR));

      assertThat(open(AGGREGATOR, 1, MAX_REWARD, 50).success()).isTrue();
    }
  }

  @Nested
  class Submission {
    private final Bytes32 clean = word("clean");

    @Test
    void aCallerWithoutContributorCannotSubmit() {
      chain.registerAndOpen(MODEL, tokens(1), 50);

      assertRefused(
          () -> chain.submit(OUTSIDER, MODEL, 1), "caller " + OUTSIDER + " lacks role CONTRIBUTOR");
    }

    @Test
    void aContributorSubmitsOncePerRound() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      chain.submitOk(C1, MODEL, 1);

      assertRefused(
          () -> chain.submit(C1, MODEL, 1),
          "contributor " + C1 + " already submitted an update to round 1 of model " + M);
    }

    @Test
    void aFinalizedRoundIsClosed() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      chain.finalizeOk(MODEL, 1, List.of(), List.of());

      assertRefused(() -> chain.submit(C1, MODEL, 1), "round 1 of model " + M + " is closed");
    }

    @Test
    void aRoundNotYetOpenedTakesNoUpdates() {
      chain.registerAndOpen(MODEL, tokens(1), 50);

      assertRefused(
          () -> chain.submit(C1, MODEL, 2),
          "round 2 of model " + M + " has not been opened; the latest round is 1");
    }

    @Test
    void anUnregisteredModelTakesNoUpdates() {
      assertRefused(() -> chain.submit(C1, MODEL, 1), "model " + M + " is not registered");
    }

    @Test
    void updatesAfterTheDeadlineBlockAreRefused() {
      long deadline = chain.block() + 5;
      chain.registerAndOpen(MODEL, tokens(1), deadline);
      chain.mine(6);

      assertRefused(
          () -> chain.submit(C1, MODEL, 1),
          "round 1 of model "
              + M
              + " stopped taking updates after block "
              + deadline
              + "; this is block "
              + (deadline + 1));
    }

    @Test
    void anUnknownDatasetIsRefused() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      Bytes32 unknown = word("never-attested");

      assertRefused(
          () -> chain.submit(C1, MODEL, 1, unknown),
          "dataset " + unknown.toHexString() + " is not attested");
    }

    @Test
    void aDatasetDescendingFromARevokedOneIsTainted() {
      Bytes32 parent = word("raw-scans");
      Bytes32 child = word("raw-scans-cleaned");
      chain.attest(PROVIDER, clean);
      chain.attest(PROVIDER, parent);
      chain.attest(PROVIDER, child, parent);
      chain.revoke(PROVIDER, parent);
      chain.registerAndOpen(MODEL, tokens(1), 50);

      assertRefused(
          () -> chain.submit(C1, MODEL, 1, clean, child),
          "dataset "
              + child.toHexString()
              + " is tainted (revoked ancestor "
              + parent.toHexString()
              + ")");
      assertRefused(
          () -> chain.submit(C1, MODEL, 1, parent),
          "dataset " + parent.toHexString() + " is revoked");
    }

    @Test
    void aDatasetCitedTwiceIsRefused() {
      chain.attest(PROVIDER, clean);
      chain.registerAndOpen(MODEL, tokens(1), 50);

      assertRefused(
          () -> chain.submit(C1, MODEL, 1, clean, clean),
          "dataset " + clean.toHexString() + " is cited twice");
    }

    @Test
    void aRoundTakesAtMost256Updates() {
      List<Address> crowd =
          IntStream.range(0, 256).mapToObj(i -> Address.of(0x10_000 + i)).toList();
      LedgerHarness big = new LedgerHarness(LedgerFixtures.permissions(crowd), MAX_REWARD);
      big.registerAndOpen(MODEL, tokens(1), 50);
      crowd.forEach(contributor -> big.submitOk(contributor, MODEL, 1));
      InMemorySlotStore before = big.store.copy();

      CallOutcome outcome = big.submit(C1, MODEL, 1);

      assertThat(outcome.revertReason())
          .contains("round 1 of model " + M + " is full: it takes at most 256 updates");
      assertThat(big.store).isEqualTo(before);
      assertThat(big.round(MODEL, 1).submissions()).isEqualTo(256);
    }

    @Test
    void aSampleCountBeyondTheLargestLongIsRefused() {
      chain.registerAndOpen(MODEL, tokens(1), 50);

      assertRefused(
          () ->
              chain.registry(
                  C1,
                  "submitUpdate",
                  abi(MODEL),
                  uint64(1),
                  abi(word("update")),
                  LedgerHarness.bytes32s(List.of()),
                  new Uint64(BigInteger.ONE.shiftLeft(63)),
                  abi(word("metrics"))),
          "sample count 9223372036854775808 exceeds 9223372036854775807");
    }

    @Test
    void anUpdateCitesAtMost32Datasets() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      Bytes32[] many = IntStream.range(0, 33).mapToObj(i -> word("d" + i)).toArray(Bytes32[]::new);

      assertRefused(
          () -> chain.submit(C1, MODEL, 1, many),
          "an update cites 33 datasets; at most 32 are allowed");
    }
  }

  @Nested
  class Finalization {
    @Test
    void onlyTheModelsAggregatorFinalizes() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      chain.submitOk(C1, MODEL, 1);

      assertRefused(
          () -> chain.finalizeRound(OTHER_AGGREGATOR, MODEL, 1, List.of(C1), List.of(u(1))),
          "caller "
              + OTHER_AGGREGATOR
              + " is not the aggregator of model "
              + M
              + "; its aggregator is "
              + AGGREGATOR);
      assertRefused(
          () -> chain.finalizeRound(C1, MODEL, 1, List.of(C1), List.of(u(1))),
          "caller "
              + C1
              + " is not the aggregator of model "
              + M
              + "; its aggregator is "
              + AGGREGATOR);
    }

    @Test
    void aFinalizedRoundIsClosed() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      chain.submitOk(C1, MODEL, 1);
      chain.finalizeOk(MODEL, 1, List.of(C1), List.of(u(1)));

      assertRefused(
          () -> chain.finalizeRound(AGGREGATOR, MODEL, 1, List.of(C1), List.of(u(1))),
          "round 1 of model " + M + " is closed");
    }

    @Test
    void aRoundNeverOpenedCannotBeFinalized() {
      chain.registerAndOpen(MODEL, tokens(1), 50);

      assertRefused(
          () -> chain.finalizeRound(AGGREGATOR, MODEL, 3, List.of(), List.of()),
          "round 3 of model " + M + " has not been opened; the latest round is 1");
    }

    @Test
    void anAcceptedAddressMustHaveSubmitted() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      chain.submitOk(C1, MODEL, 1);

      assertRefused(
          () -> chain.finalizeRound(AGGREGATOR, MODEL, 1, List.of(C1, C2), List.of(u(1), u(1))),
          "contributor " + C2 + " did not submit an update to round 1 of model " + M);
    }

    @Test
    void aContributorIsAcceptedOnce() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      chain.submitOk(C1, MODEL, 1);

      assertRefused(
          () -> chain.finalizeRound(AGGREGATOR, MODEL, 1, List.of(C1, C1), List.of(u(1), u(2))),
          "contributor " + C1 + " is accepted twice");
    }

    @Test
    void weightsMatchAcceptedOneToOne() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      chain.submitOk(C1, MODEL, 1);
      chain.submitOk(C2, MODEL, 1);

      assertRefused(
          () -> chain.finalizeRound(AGGREGATOR, MODEL, 1, List.of(C1, C2), List.of(u(1))),
          "accepted lists 2 contributors but weights has 1 entries; they must match one to one");
    }

    @Test
    void anAcceptedListLongerThanARoundCanBeIsRefusedBeforeItIsWalked() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      List<Address> many = IntStream.range(0, 257).mapToObj(i -> Address.of(0x10_000 + i)).toList();
      List<UInt256> weights = many.stream().map(a -> UInt256.ONE).toList();

      assertRefused(
          () -> chain.finalizeRound(AGGREGATOR, MODEL, 1, many, weights),
          "accepted lists 257 contributors; a round has at most 256 submissions");
    }

    @Test
    void aZeroWeightIsRefused() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      chain.submitOk(C1, MODEL, 1);
      chain.submitOk(C3, MODEL, 1);

      assertRefused(
          () ->
              chain.finalizeRound(
                  AGGREGATOR, MODEL, 1, List.of(C1, C3), List.of(u(4), UInt256.ZERO)),
          "weight of contributor " + C3 + " is zero; accepted updates need a weight");
    }

    @Test
    void aRecipientNoLongerPermittedMakesTheWholeFinalizationRevert() {
      chain.registerAndOpen(MODEL, tokens(1), 50);
      chain.submitOk(C1, MODEL, 1);
      chain.ok(
          NativeAddresses.PERMISSIONS,
          NativeAddresses.QUADRATIC_GOVERNOR,
          "removeAccount",
          abi(C1));
      InMemorySlotStore before = chain.store.copy();

      CallOutcome outcome = chain.finalizeRound(AGGREGATOR, MODEL, 1, List.of(C1), List.of(u(1)));

      assertThat(outcome.success()).isFalse();
      assertThat(outcome.revertReason().orElseThrow()).contains(C1.toString());
      assertThat(chain.store).isEqualTo(before);
    }
  }
}

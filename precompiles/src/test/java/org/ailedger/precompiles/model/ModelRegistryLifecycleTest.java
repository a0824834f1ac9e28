package org.ailedger.precompiles.model;

import static org.ailedger.precompiles.model.LedgerFixtures.AGGREGATOR;
import static org.ailedger.precompiles.model.LedgerFixtures.C1;
import static org.ailedger.precompiles.model.LedgerFixtures.C2;
import static org.ailedger.precompiles.model.LedgerFixtures.C3;
import static org.ailedger.precompiles.model.LedgerFixtures.MODEL;
import static org.ailedger.precompiles.model.LedgerFixtures.OWNER;
import static org.ailedger.precompiles.model.LedgerFixtures.OWNER_ALLOCATION;
import static org.ailedger.precompiles.model.LedgerFixtures.PROVIDER;
import static org.ailedger.precompiles.model.LedgerFixtures.hash;
import static org.ailedger.precompiles.model.LedgerFixtures.tokens;
import static org.ailedger.precompiles.model.LedgerFixtures.word;
import static org.ailedger.precompiles.model.LedgerHarness.abi;
import static org.ailedger.precompiles.model.LedgerHarness.uint256;
import static org.ailedger.precompiles.model.LedgerHarness.uint64;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.abi.AbiCodec;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Hash;

/**
 * A model's life as clients drive it through the executor: registration, a round with three
 * submissions citing attested datasets, finalization minting rewards pro rata, the next round, and
 * the events an indexer rebuilds all of it from.
 */
@SuppressWarnings("rawtypes")
class ModelRegistryLifecycleTest {
  private static final Address REGISTRY = NativeAddresses.MODEL_REGISTRY;
  private static final Bytes32 SCANS = word("scans-2024");
  private static final Bytes32 LABELS = word("labels-2024");
  private static final Bytes32 CROPPED = word("scans-2024-cropped");
  private static final Bytes32 BASE = word("base-model");
  private static final Bytes32 AGGREGATE = word("aggregate");

  /** 100 tokens and one base unit: weights 3:1 leave a remainder of one base unit. */
  private static final UInt256 POOL = tokens(100).add(UInt256.ONE);

  private final LedgerHarness chain = new LedgerHarness();

  private static Bytes32 topic(String canonicalEvent) {
    return Bytes32.fromHexString(Hash.sha3String(canonicalEvent));
  }

  private static Bytes32 word64(long value) {
    return UInt256.valueOf(value).toBytes();
  }

  private static Bytes data(Type... values) {
    return AbiCodec.encode(List.of(values));
  }

  private static Log registryLog(Bytes data, Bytes32... topics) {
    return new Log(REGISTRY, List.of(topics), data);
  }

  private void attestDatasets() {
    chain.attest(PROVIDER, SCANS);
    chain.attest(PROVIDER, LABELS);
    chain.attest(PROVIDER, CROPPED, SCANS);
  }

  private CallOutcome submit(Address contributor, long sampleCount, Bytes32... datasets) {
    return chain.ok(
        REGISTRY,
        contributor,
        "submitUpdate",
        abi(MODEL),
        uint64(1),
        abi(hash("update-" + contributor)),
        LedgerHarness.bytes32s(List.of(datasets)),
        uint64(sampleCount),
        abi(hash("metrics-" + contributor)));
  }

  @Test
  void registrationRecordsTheModelAndEmitsModelRegistered() {
    CallOutcome outcome =
        chain.ok(
            REGISTRY,
            OWNER,
            "registerModel",
            abi(MODEL),
            new Utf8String("ipfs://bafy/chest-xray.json"),
            abi(AGGREGATOR));

    assertThat(chain.model(MODEL))
        .isEqualTo(
            new RegisteredModel(
                OWNER, AGGREGATOR, "ipfs://bafy/chest-xray.json", 0, chain.block()));
    assertThat(outcome.logs())
        .containsExactly(
            registryLog(
                data(new Utf8String("ipfs://bafy/chest-xray.json")),
                topic("ModelRegistered(bytes32,address,address,string)"),
                MODEL,
                OWNER.toWord(),
                AGGREGATOR.toWord()));
  }

  @Test
  void fullRoundMintsThePoolProRataAndMovesReputation() {
    attestDatasets();
    chain.ok(
        REGISTRY,
        OWNER,
        "registerModel",
        abi(MODEL),
        new Utf8String("ipfs://bafy/chest-xray.json"),
        abi(AGGREGATOR));
    long opened = chain.block();
    CallOutcome open =
        chain.ok(
            REGISTRY,
            AGGREGATOR,
            "openRound",
            abi(MODEL),
            uint64(1),
            abi(BASE),
            uint256(POOL),
            uint64(opened + 10));
    assertThat(open.logs())
        .containsExactly(
            registryLog(
                data(abi(BASE), uint256(POOL), uint64(opened + 10)),
                topic("RoundOpened(bytes32,uint64,bytes32,uint256,uint64)"),
                MODEL,
                word64(1)));

    chain.mine(1);
    CallOutcome first = submit(C1, 1_200, SCANS, CROPPED);
    assertThat(first.logs())
        .containsExactly(
            registryLog(
                data(abi(hash("update-" + C1)), new Uint64(1_200)),
                topic("UpdateSubmitted(bytes32,uint64,address,bytes32,uint64)"),
                MODEL,
                word64(1),
                C1.toWord()),
            registryLog(
                data(LedgerHarness.bytes32s(List.of(SCANS, CROPPED)), abi(hash("metrics-" + C1))),
                topic("UpdateDatasets(bytes32,uint64,address,bytes32[],bytes32)"),
                MODEL,
                word64(1),
                C1.toWord()));
    submit(C2, 800, LABELS);
    chain.mine(1);
    submit(C3, 50);

    assertThat(chain.update(MODEL, 1, C1))
        .isEqualTo(
            new ModelUpdate(
                UpdateStatus.SUBMITTED,
                hash("update-" + C1),
                List.of(SCANS, CROPPED),
                1_200,
                hash("metrics-" + C1),
                opened + 1,
                UInt256.ZERO));
    assertThat(chain.round(MODEL, 1))
        .isEqualTo(
            new TrainingRound(
                RoundStatus.OPEN, BASE, POOL, opened + 10, Bytes32.ZERO, 3, 0, UInt256.ZERO));
    assertThat(chain.submitters(MODEL, 1)).containsExactly(C1, C2, C3);

    CallOutcome finalized =
        chain.finalizeRound(AGGREGATOR, MODEL, 1, List.of(C1, C2), List.of(u(3), u(1)));
    assertThat(finalized.success()).as(finalized.revertReason().orElse("")).isTrue();

    UInt256 reward1 = floorShare(POOL, 3, 4);
    UInt256 reward2 = floorShare(POOL, 1, 4);
    assertThat(reward1).isEqualTo(tokens(75));
    assertThat(reward2).isEqualTo(tokens(25));
    UInt256 minted = reward1.add(reward2);
    assertThat(POOL.subtract(minted)).isEqualTo(UInt256.ONE);

    assertThat(chain.balanceOf(C1)).isEqualTo(reward1);
    assertThat(chain.balanceOf(C2)).isEqualTo(reward2);
    assertThat(chain.balanceOf(C3)).isEqualTo(UInt256.ZERO);
    assertThat(chain.totalSupply()).isEqualTo(OWNER_ALLOCATION.add(minted));

    assertThat(chain.reputation(C1)).isEqualTo(BigInteger.ONE);
    assertThat(chain.reputation(C2)).isEqualTo(BigInteger.ONE);
    assertThat(chain.reputation(C3)).isEqualTo(BigInteger.ONE.negate());

    assertThat(chain.round(MODEL, 1))
        .isEqualTo(
            new TrainingRound(
                RoundStatus.FINALIZED, BASE, POOL, opened + 10, word("aggregate"), 3, 2, minted));
    assertThat(chain.update(MODEL, 1, C1).status()).isEqualTo(UpdateStatus.ACCEPTED);
    assertThat(chain.update(MODEL, 1, C1).reward()).isEqualTo(reward1);
    assertThat(chain.update(MODEL, 1, C2).reward()).isEqualTo(reward2);
    assertThat(chain.update(MODEL, 1, C3).status()).isEqualTo(UpdateStatus.REJECTED);
    assertThat(chain.update(MODEL, 1, C3).reward()).isEqualTo(UInt256.ZERO);

    Bytes32 transfer = topic("Transfer(address,address,uint256)");
    Address token = NativeAddresses.CONTRIBUTION_TOKEN;
    assertThat(finalized.logs())
        .containsExactly(
            new Log(
                token,
                List.of(transfer, Address.ZERO.toWord(), C1.toWord()),
                data(uint256(reward1))),
            registryLog(
                data(new Uint256(3), uint256(reward1)),
                topic("ContributionRewarded(bytes32,uint64,address,uint256,uint256)"),
                MODEL,
                word64(1),
                C1.toWord()),
            registryLog(
                data(new Int256(1), new Int256(1)),
                topic("ReputationChanged(address,int256,int256)"),
                C1.toWord()),
            new Log(
                token,
                List.of(transfer, Address.ZERO.toWord(), C2.toWord()),
                data(uint256(reward2))),
            registryLog(
                data(new Uint256(1), uint256(reward2)),
                topic("ContributionRewarded(bytes32,uint64,address,uint256,uint256)"),
                MODEL,
                word64(1),
                C2.toWord()),
            registryLog(
                data(new Int256(1), new Int256(1)),
                topic("ReputationChanged(address,int256,int256)"),
                C2.toWord()),
            registryLog(
                data(new Int256(-1), new Int256(-1)),
                topic("ReputationChanged(address,int256,int256)"),
                C3.toWord()),
            registryLog(
                data(abi(AGGREGATE), new Uint256(2)),
                topic("RoundFinalized(bytes32,uint64,bytes32,uint256)"),
                MODEL,
                word64(1)));
  }

  @Test
  void theNextRoundOpensAfterFinalizationAndReputationAccumulates() {
    chain.registerAndOpen(MODEL, tokens(10), chain.block() + 5);
    chain.submitOk(C1, MODEL, 1);
    chain.submitOk(C2, MODEL, 1);
    chain.finalizeOk(MODEL, 1, List.of(C1), List.of(u(1)));

    chain.ok(
        REGISTRY,
        AGGREGATOR,
        "openRound",
        abi(MODEL),
        uint64(2),
        abi(word("aggregate")),
        uint256(tokens(20)),
        uint64(chain.block() + 5));
    chain.submitOk(C1, MODEL, 2);
    chain.submitOk(C2, MODEL, 2);
    chain.finalizeOk(MODEL, 2, List.of(C2), List.of(u(7)));

    assertThat(chain.model(MODEL).latestRound()).isEqualTo(2);
    assertThat(chain.reputation(C1)).isEqualTo(BigInteger.ZERO);
    assertThat(chain.reputation(C2)).isEqualTo(BigInteger.ZERO);
    assertThat(chain.balanceOf(C1)).isEqualTo(tokens(10));
    assertThat(chain.balanceOf(C2)).isEqualTo(tokens(20));
  }

  @Test
  void finalizingWithNobodyAcceptedMintsNothingAndEverySubmitterLosesReputation() {
    chain.registerAndOpen(MODEL, tokens(10), chain.block() + 5);
    chain.submitOk(C1, MODEL, 1);
    chain.submitOk(C2, MODEL, 1);

    CallOutcome outcome = chain.finalizeRound(AGGREGATOR, MODEL, 1, List.of(), List.of());

    assertThat(outcome.success()).isTrue();
    assertThat(chain.round(MODEL, 1).minted()).isEqualTo(UInt256.ZERO);
    assertThat(chain.round(MODEL, 1).accepted()).isZero();
    assertThat(chain.totalSupply()).isEqualTo(OWNER_ALLOCATION);
    assertThat(chain.reputation(C1)).isEqualTo(BigInteger.ONE.negate());
    assertThat(chain.reputation(C2)).isEqualTo(BigInteger.ONE.negate());
  }

  @Test
  void aRewardRoundedDownToZeroMintsNothingButStillCountsAsAccepted() {
    chain.registerAndOpen(MODEL, UInt256.ONE, chain.block() + 5);
    chain.submitOk(C1, MODEL, 1);
    chain.submitOk(C2, MODEL, 1);

    CallOutcome outcome =
        chain.finalizeRound(AGGREGATOR, MODEL, 1, List.of(C1, C2), List.of(u(1), u(1)));

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.logs())
        .noneMatch(log -> log.address().equals(NativeAddresses.CONTRIBUTION_TOKEN));
    assertThat(chain.round(MODEL, 1).minted()).isEqualTo(UInt256.ZERO);
    assertThat(chain.update(MODEL, 1, C1).status()).isEqualTo(UpdateStatus.ACCEPTED);
    assertThat(chain.reputation(C1)).isEqualTo(BigInteger.ONE);
  }

  @Test
  void submittingExactlyAtTheDeadlineBlockIsAccepted() {
    chain.registerAndOpen(MODEL, tokens(1), chain.block() + 3);
    chain.mine(3);

    assertThat(chain.submit(C1, MODEL, 1).success()).isTrue();
  }

  @Test
  void revokingACitedDatasetLaterFlagsTheUpdateAsTainted() {
    attestDatasets();
    chain.registerAndOpen(MODEL, tokens(1), chain.block() + 5);
    submit(C1, 10, CROPPED);
    submit(C2, 10, LABELS);
    assertThat(chain.isUpdateTainted(MODEL, 1, C1)).isFalse();

    chain.revoke(PROVIDER, SCANS);

    assertThat(chain.isUpdateTainted(MODEL, 1, C1)).isTrue();
    assertThat(chain.isUpdateTainted(MODEL, 1, C2)).isFalse();
    assertThat(chain.isUpdateTainted(MODEL, 1, C3)).isFalse();
  }

  @Test
  void viewsAnswerZerosForWhatDoesNotExist() {
    assertThat(chain.model(MODEL))
        .isEqualTo(new RegisteredModel(Address.ZERO, Address.ZERO, "", 0, 0));
    assertThat(chain.round(MODEL, 4))
        .isEqualTo(
            new TrainingRound(
                RoundStatus.NONE, Bytes32.ZERO, UInt256.ZERO, 0, Bytes32.ZERO, 0, 0, UInt256.ZERO));
    assertThat(chain.update(MODEL, 4, C1).status()).isEqualTo(UpdateStatus.NONE);
    assertThat(chain.update(MODEL, 4, C1).datasetIds()).isEmpty();
    assertThat(chain.reputation(C1)).isEqualTo(BigInteger.ZERO);
    assertThat(chain.submitters(MODEL, 4)).isEmpty();
  }

  @Test
  void designSignaturesHaveTheirStandardSelectorsAndEventTopics() {
    var functions = new ModelRegistry().functions();
    for (String signature :
        List.of(
            "registerModel(bytes32,string,address)",
            "openRound(bytes32,uint64,bytes32,uint256,uint64)",
            "submitUpdate(bytes32,uint64,bytes32,bytes32[],uint64,bytes32)",
            "finalizeRound(bytes32,uint64,bytes32,address[],uint256[])",
            "getModel(bytes32)",
            "getRound(bytes32,uint64)",
            "getUpdate(bytes32,uint64,address)",
            "reputation(address)",
            "isUpdateTainted(bytes32,uint64,address)")) {
      Bytes selector = Bytes.fromHexString(Hash.sha3String(signature)).slice(0, 4);
      assertThat(functions.bySelector(selector)).as(signature).isPresent();
    }
    assertThat(ModelRegistryEvents.UPDATE_SUBMITTED.topic())
        .isEqualTo(topic("UpdateSubmitted(bytes32,uint64,address,bytes32,uint64)"));
    assertThat(ModelRegistryEvents.ROUND_FINALIZED.topic())
        .isEqualTo(topic("RoundFinalized(bytes32,uint64,bytes32,uint256)"));
  }

  @Test
  void finalizationGasGrowsWithTheContributorsSettled() {
    chain.registerAndOpen(MODEL, tokens(10), chain.block() + 5);
    chain.submitOk(C1, MODEL, 1);
    Bytes32 other = word("other-model");
    chain.registerAndOpen(other, tokens(10), chain.block() + 5);
    chain.submitOk(C1, other, 1);
    chain.submitOk(C2, other, 1);
    chain.submitOk(C3, other, 1);

    long one = chain.finalizeRound(AGGREGATOR, MODEL, 1, List.of(C1), List.of(u(1))).gasUsed();
    long three =
        chain
            .finalizeRound(AGGREGATOR, other, 1, List.of(C1, C2, C3), List.of(u(1), u(1), u(1)))
            .gasUsed();

    assertThat(three).isGreaterThan(one + 2 * ModelRegistry.CONTRIBUTOR_SETTLE_GAS);
  }

  private static UInt256 u(long value) {
    return UInt256.valueOf(value);
  }

  private static UInt256 floorShare(UInt256 pool, long weight, long total) {
    return UInt256.valueOf(
        pool.toBigInteger().multiply(BigInteger.valueOf(weight)).divide(BigInteger.valueOf(total)));
  }
}

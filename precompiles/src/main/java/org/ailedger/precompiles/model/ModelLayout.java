package org.ailedger.precompiles.model;

import static org.ailedger.precompiles.storage.StorageSlots.arrayElement;
import static org.ailedger.precompiles.storage.StorageSlots.mapping;
import static org.ailedger.precompiles.storage.StorageSlots.offset;
import static org.ailedger.precompiles.storage.StorageSlots.slot;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Where ModelRegistry keeps what; see {@link ModelRegistry} for the layout. Rules (who may call,
 * what is refused) live in {@link Registrations}, {@link Submissions} and {@link Finalizations};
 * this class assumes they were checked.
 */
final class ModelLayout {
  static final Bytes32 MODELS = slot(0);
  static final Bytes32 ROUNDS = slot(1);
  static final Bytes32 UPDATES = slot(2);
  static final Bytes32 REPUTATION = slot(3);

  // fields of Model, offsets from its base slot
  private static final int MODEL_OWNER = 0;
  private static final int MODEL_AGGREGATOR = 1;
  private static final int MODEL_LATEST_ROUND = 2;
  private static final int MODEL_REGISTERED_AT = 3;
  private static final int MODEL_METADATA_URI = 4;

  // fields of Round
  private static final int ROUND_STATUS = 0;
  private static final int ROUND_BASE_MODEL = 1;
  private static final int ROUND_REWARD_POOL = 2;
  private static final int ROUND_DEADLINE = 3;
  private static final int ROUND_AGGREGATE = 4;
  private static final int ROUND_SUBMITTERS = 5;
  private static final int ROUND_ACCEPTED = 6;
  private static final int ROUND_MINTED = 7;

  // fields of Update
  private static final int UPDATE_STATUS = 0;
  private static final int UPDATE_HASH = 1;
  private static final int UPDATE_SAMPLES = 2;
  private static final int UPDATE_METRICS = 3;
  private static final int UPDATE_SUBMITTED_AT = 4;
  private static final int UPDATE_REWARD = 5;
  private static final int UPDATE_DATASETS = 6;

  private static final BigInteger TWO_TO_256 = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger INT256_MAX =
      BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);

  private final ContractStorage storage;

  ModelLayout(ContractStorage storage) {
    this.storage = storage;
  }

  // ---- models

  boolean modelExists(Bytes32 modelId) {
    return !storage.load(model(modelId, MODEL_OWNER)).isZero();
  }

  Optional<RegisteredModel> model(Bytes32 modelId) {
    Bytes32 owner = storage.load(model(modelId, MODEL_OWNER));
    if (owner.isZero()) {
      return Optional.empty();
    }
    return Optional.of(
        new RegisteredModel(
            Address.fromWord(owner),
            aggregatorOf(modelId),
            StoredString.read(
                storage, model(modelId, MODEL_METADATA_URI), ModelRegistry.MAX_METADATA_URI_BYTES),
            latestRound(modelId),
            uint64(model(modelId, MODEL_REGISTERED_AT))));
  }

  void addModel(
      Bytes32 modelId, Address owner, Address aggregator, String metadataUri, long block) {
    storage.store(model(modelId, MODEL_OWNER), owner.toWord());
    storage.store(model(modelId, MODEL_AGGREGATOR), aggregator.toWord());
    storage.store(model(modelId, MODEL_REGISTERED_AT), word(block));
    StoredString.write(storage, model(modelId, MODEL_METADATA_URI), metadataUri);
  }

  Address aggregatorOf(Bytes32 modelId) {
    return Address.fromWord(storage.load(model(modelId, MODEL_AGGREGATOR)));
  }

  long latestRound(Bytes32 modelId) {
    return uint64(model(modelId, MODEL_LATEST_ROUND));
  }

  // ---- rounds

  RoundStatus roundStatus(Bytes32 modelId, long round) {
    return RoundStatus.fromCode(uint64(round(modelId, round, ROUND_STATUS)));
  }

  TrainingRound round(Bytes32 modelId, long round) {
    Bytes32 fields = roundFields(modelId, round);
    return new TrainingRound(
        RoundStatus.fromCode(uint64(offset(fields, ROUND_STATUS))),
        storage.load(offset(fields, ROUND_BASE_MODEL)),
        UInt256.fromBytes(storage.load(offset(fields, ROUND_REWARD_POOL))),
        uint64(offset(fields, ROUND_DEADLINE)),
        storage.load(offset(fields, ROUND_AGGREGATE)),
        uint64(offset(fields, ROUND_SUBMITTERS)),
        uint64(offset(fields, ROUND_ACCEPTED)),
        UInt256.fromBytes(storage.load(offset(fields, ROUND_MINTED))));
  }

  /** Opens the next round of a model and makes it the model's latest. */
  void openRound(
      Bytes32 modelId, long round, Bytes32 baseModelHash, UInt256 rewardPool, long deadline) {
    storage.store(model(modelId, MODEL_LATEST_ROUND), word(round));
    Bytes32 fields = roundFields(modelId, round);
    storage.store(offset(fields, ROUND_STATUS), word(RoundStatus.OPEN.code()));
    storage.store(offset(fields, ROUND_BASE_MODEL), baseModelHash);
    storage.store(offset(fields, ROUND_REWARD_POOL), rewardPool.toBytes());
    storage.store(offset(fields, ROUND_DEADLINE), word(deadline));
  }

  UInt256 rewardPool(Bytes32 modelId, long round) {
    return UInt256.fromBytes(storage.load(round(modelId, round, ROUND_REWARD_POOL)));
  }

  long deadline(Bytes32 modelId, long round) {
    return uint64(round(modelId, round, ROUND_DEADLINE));
  }

  long submissionCount(Bytes32 modelId, long round) {
    return uint64(round(modelId, round, ROUND_SUBMITTERS));
  }

  /** Contributors in submission order. */
  List<Address> submitters(Bytes32 modelId, long round) {
    Bytes32 array = round(modelId, round, ROUND_SUBMITTERS);
    long count = uint64(array);
    List<Address> submitters = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      submitters.add(Address.fromWord(storage.load(arrayElement(array, i))));
    }
    return List.copyOf(submitters);
  }

  void finalizeRound(
      Bytes32 modelId, long round, Bytes32 aggregateHash, long accepted, UInt256 minted) {
    Bytes32 fields = roundFields(modelId, round);
    storage.store(offset(fields, ROUND_STATUS), word(RoundStatus.FINALIZED.code()));
    storage.store(offset(fields, ROUND_AGGREGATE), aggregateHash);
    storage.store(offset(fields, ROUND_ACCEPTED), word(accepted));
    storage.store(offset(fields, ROUND_MINTED), minted.toBytes());
  }

  // ---- updates

  UpdateStatus updateStatus(Bytes32 modelId, long round, Address contributor) {
    return UpdateStatus.fromCode(uint64(update(modelId, round, contributor, UPDATE_STATUS)));
  }

  ModelUpdate update(Bytes32 modelId, long round, Address contributor) {
    Bytes32 fields = updateFields(modelId, round, contributor);
    return new ModelUpdate(
        UpdateStatus.fromCode(uint64(offset(fields, UPDATE_STATUS))),
        storage.load(offset(fields, UPDATE_HASH)),
        datasetsOf(modelId, round, contributor),
        uint64(offset(fields, UPDATE_SAMPLES)),
        storage.load(offset(fields, UPDATE_METRICS)),
        uint64(offset(fields, UPDATE_SUBMITTED_AT)),
        UInt256.fromBytes(storage.load(offset(fields, UPDATE_REWARD))));
  }

  List<Bytes32> datasetsOf(Bytes32 modelId, long round, Address contributor) {
    Bytes32 array = update(modelId, round, contributor, UPDATE_DATASETS);
    long count = uint64(array);
    List<Bytes32> datasets = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      datasets.add(storage.load(arrayElement(array, i)));
    }
    return List.copyOf(datasets);
  }

  /** Records a submitted update and appends its contributor to the round's submitters. */
  void addUpdate(
      Bytes32 modelId,
      long round,
      Address contributor,
      Bytes32 updateHash,
      List<Bytes32> datasetIds,
      long sampleCount,
      Bytes32 metricsHash,
      long block) {
    Bytes32 submitters = round(modelId, round, ROUND_SUBMITTERS);
    long count = uint64(submitters);
    storage.store(arrayElement(submitters, count), contributor.toWord());
    storage.store(submitters, word(count + 1));

    Bytes32 fields = updateFields(modelId, round, contributor);
    storage.store(offset(fields, UPDATE_STATUS), word(UpdateStatus.SUBMITTED.code()));
    storage.store(offset(fields, UPDATE_HASH), updateHash);
    storage.store(offset(fields, UPDATE_SAMPLES), word(sampleCount));
    storage.store(offset(fields, UPDATE_METRICS), metricsHash);
    storage.store(offset(fields, UPDATE_SUBMITTED_AT), word(block));
    Bytes32 datasets = offset(fields, UPDATE_DATASETS);
    storage.store(datasets, word(datasetIds.size()));
    for (int i = 0; i < datasetIds.size(); i++) {
      storage.store(arrayElement(datasets, i), datasetIds.get(i));
    }
  }

  void settleUpdate(
      Bytes32 modelId, long round, Address contributor, UpdateStatus status, UInt256 reward) {
    Bytes32 fields = updateFields(modelId, round, contributor);
    storage.store(offset(fields, UPDATE_STATUS), word(status.code()));
    storage.store(offset(fields, UPDATE_REWARD), reward.toBytes());
  }

  // ---- reputation

  BigInteger reputation(Address contributor) {
    BigInteger raw =
        UInt256.fromBytes(storage.load(mapping(REPUTATION, contributor))).toBigInteger();
    return raw.compareTo(INT256_MAX) > 0 ? raw.subtract(TWO_TO_256) : raw;
  }

  void setReputation(Address contributor, BigInteger reputation) {
    if (reputation.bitLength() > 255) {
      throw new IllegalStateException("reputation " + reputation + " does not fit int256");
    }
    BigInteger raw = reputation.signum() < 0 ? reputation.add(TWO_TO_256) : reputation;
    storage.store(mapping(REPUTATION, contributor), UInt256.valueOf(raw).toBytes());
  }

  // ---- slot derivation

  private static Bytes32 model(Bytes32 modelId, int field) {
    return offset(mapping(MODELS, modelId), field);
  }

  // A struct's first slot costs a keccak per mapping level; code that touches several fields
  // derives it once and offsets from it.
  private static Bytes32 roundFields(Bytes32 modelId, long round) {
    return mapping(mapping(ROUNDS, modelId), word(round));
  }

  private static Bytes32 round(Bytes32 modelId, long round, int field) {
    return offset(roundFields(modelId, round), field);
  }

  private static Bytes32 updateFields(Bytes32 modelId, long round, Address contributor) {
    return mapping(mapping(mapping(UPDATES, modelId), word(round)), contributor);
  }

  private static Bytes32 update(Bytes32 modelId, long round, Address contributor, int field) {
    return offset(updateFields(modelId, round, contributor), field);
  }

  private long uint64(Bytes32 slot) {
    UInt256 value = UInt256.fromBytes(storage.load(slot));
    if (!value.fitsLong()) {
      throw new IllegalStateException("corrupt 64-bit field at slot " + slot);
    }
    return value.toLong();
  }

  private static Bytes32 word(long value) {
    return UInt256.valueOf(value).toBytes();
  }
}

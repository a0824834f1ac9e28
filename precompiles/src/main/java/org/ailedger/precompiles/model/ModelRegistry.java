package org.ailedger.precompiles.model;

import static org.ailedger.precompiles.abi.AbiFunction.nonpayable;
import static org.ailedger.precompiles.abi.AbiFunction.view;
import static org.ailedger.precompiles.abi.AbiValues.addresses;
import static org.ailedger.precompiles.abi.AbiValues.bool;
import static org.ailedger.precompiles.abi.AbiValues.bytes32;
import static org.ailedger.precompiles.abi.AbiValues.bytes32s;
import static org.ailedger.precompiles.abi.AbiValues.string;
import static org.ailedger.precompiles.abi.AbiValues.uint256;
import static org.ailedger.precompiles.model.ModelAbi.int256;
import static org.ailedger.precompiles.model.ModelAbi.uint64;
import static org.ailedger.precompiles.model.ModelAbi.uint8;

import java.util.List;
import org.ailedger.precompiles.AbiContract;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.abi.AbiFunction;
import org.ailedger.precompiles.abi.AbiSignature;
import org.ailedger.precompiles.abi.AbiValues;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.precompiles.abi.Mutability;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.datatypes.Type;

/**
 * The ModelRegistry contract at 0x…1001: models, their federated training rounds, contributors'
 * update hashes with the datasets they were trained on, and the rewards and reputation that
 * finalizing a round hands out.
 *
 * <ul>
 *   <li>{@code registerModel}: a MODEL_OWNER registers a new model id with an aggregator holding
 *       AGGREGATOR.
 *   <li>{@code openRound}: the model's aggregator (still holding AGGREGATOR) opens rounds 1, 2, 3,
 *       … one at a time, with a deadline after the current block and a reward pool of at most the
 *       governed {@code maxRewardPerRound}, read from the governor at 0x…1004 when the round opens.
 *   <li>{@code submitUpdate}: a CONTRIBUTOR submits one update per round while it is open and up to
 *       its deadline block, citing at most {@value #MAX_DATASETS_PER_UPDATE} distinct datasets that
 *       DataProvenance knows and that are not tainted; a round takes at most {@value
 *       #MAX_SUBMISSIONS_PER_ROUND} updates, which bounds finalization.
 *   <li>{@code finalizeRound}: the aggregator, at any time while the round is open, names accepted
 *       submitters (no duplicates) with positive weights. The pool is minted through
 *       ContributionToken as {@code reward_i = floor(pool · w_i / Σw)}; <b>the remainder {@code
 *       pool − Σ reward_i}, less than one base unit per accepted contributor, is never minted</b>,
 *       and {@code getRound} reports what was. An empty accepted list rewards nobody. Each accepted
 *       contributor gains one reputation point, each other submitter loses one.
 * </ul>
 *
 * <p>Storage layout, as Solidity would lay out the same state variables with one slot per field (no
 * packing, so every field reads directly with {@code eth_getStorageAt}):
 *
 * <pre>
 * slot 0  mapping(bytes32 modelId => Model) models            Model at m = keccak256(modelId . 0)
 *           m+0 address owner            m+1 address aggregator   m+2 uint64 latestRound
 *           m+3 uint64 registeredAtBlock m+4 string metadataUri (Solidity string layout)
 * slot 1  mapping(bytes32 => mapping(uint64 => Round)) rounds
 *           Round at r = keccak256(round . keccak256(modelId . 1))
 *           r+0 uint8 status  r+1 bytes32 baseModelHash  r+2 uint256 rewardPool
 *           r+3 uint64 deadlineBlock  r+4 bytes32 aggregateHash
 *           r+5 address[] submitters (length = submissions; element i at keccak256(r+5) + i)
 *           r+6 uint64 accepted  r+7 uint256 minted
 * slot 2  mapping(bytes32 => mapping(uint64 => mapping(address => Update))) updates
 *           Update at u = keccak256(contributor . keccak256(round . keccak256(modelId . 2)))
 *           u+0 uint8 status  u+1 bytes32 updateHash  u+2 uint64 sampleCount
 *           u+3 bytes32 metricsHash  u+4 uint64 submittedAtBlock  u+5 uint256 reward
 *           u+6 bytes32[] datasetIds (element i at keccak256(u+6) + i)
 * slot 3  mapping(address => int256) reputation              two's complement
 * </pre>
 *
 * <p>Views answer zeros for what does not exist, as Solidity mappings do. Gas: each function's
 * fixed cost covers decoding and slot hashing; per cited dataset {@value #DATASET_CHECK_GAS} and
 * per accepted contributor and per submitter settled {@value #CONTRIBUTOR_SETTLE_GAS} more are
 * charged, and every slot access, log and DataProvenance lineage hop is metered on top.
 */
public final class ModelRegistry implements AbiContract {
  public static final Address ADDRESS = NativeAddresses.MODEL_REGISTRY;
  public static final String NAME = "ModelRegistry";

  /** Datasets one update may cite. */
  public static final int MAX_DATASETS_PER_UPDATE = 32;

  /** Updates one round takes; finalization walks them all. */
  public static final int MAX_SUBMISSIONS_PER_ROUND = 256;

  /** Longest metadata URI, in UTF-8 bytes. */
  public static final int MAX_METADATA_URI_BYTES = 1024;

  /** Per dataset checked against DataProvenance, besides its metered reads. */
  public static final long DATASET_CHECK_GAS = 500;

  /** Per accepted contributor checked and per submitter settled at finalization. */
  public static final long CONTRIBUTOR_SETTLE_GAS = 1_000;

  private static final long CONSTANT_GAS = 20;
  private static final long READ_GAS = 200;
  private static final long WRITE_GAS = 2_000;
  private static final long FINALIZE_GAS = 5_000;

  private static final AbiSignature FINALIZE_ROUND =
      AbiSignature.parse(
          "finalizeRound(bytes32 modelId, uint64 round, bytes32 aggregateHash,"
              + " address[] accepted, uint256[] weights)");

  private final FunctionTable functions = FunctionTable.of(NAME, declarations());

  @Override
  public Address address() {
    return ADDRESS;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public FunctionTable functions() {
    return functions;
  }

  /**
   * Every event the registry emits from its own address, for the ABI description and its drift
   * check. The Transfer that accompanies a reward is the token's, emitted from 0x…1003.
   */
  @Override
  public List<AbiEvent> events() {
    return List.of(
        ModelRegistryEvents.MODEL_REGISTERED,
        ModelRegistryEvents.ROUND_OPENED,
        ModelRegistryEvents.UPDATE_SUBMITTED,
        ModelRegistryEvents.UPDATE_DATASETS,
        ModelRegistryEvents.ROUND_FINALIZED,
        ModelRegistryEvents.CONTRIBUTION_REWARDED,
        ModelRegistryEvents.REPUTATION_CHANGED);
  }

  private static List<AbiFunction> declarations() {
    return List.of(
        nonpayable(
            "registerModel(bytes32 modelId, string metadataUri, address aggregator)",
            WRITE_GAS,
            (state, args) -> {
              new Registrations(state)
                  .registerModel(args.bytes32(0), args.string(1), args.address(2));
              return List.of();
            }),
        nonpayable(
            "openRound(bytes32 modelId, uint64 round, bytes32 baseModelHash, uint256 rewardPool,"
                + " uint64 deadlineBlock)",
            WRITE_GAS,
            (state, args) -> {
              new Registrations(state)
                  .openRound(
                      args.bytes32(0), args.uint(1), args.bytes32(2), args.uint(3), args.uint(4));
              return List.of();
            }),
        nonpayable(
            "submitUpdate(bytes32 modelId, uint64 round, bytes32 updateHash, bytes32[] datasetIds,"
                + " uint64 sampleCount, bytes32 metricsHash)",
            WRITE_GAS,
            (state, args) -> {
              new Submissions(state)
                  .submitUpdate(
                      args.bytes32(0),
                      args.uint(1),
                      args.bytes32(2),
                      args.bytes32s(3),
                      args.uint(4),
                      args.bytes32(5));
              return List.of();
            }),
        new AbiFunction(
            FINALIZE_ROUND,
            Mutability.NONPAYABLE,
            FINALIZE_GAS,
            (state, args) -> {
              new Finalizations(state)
                  .finalizeRound(
                      args.bytes32(0),
                      args.uint(1),
                      args.bytes32(2),
                      args.addresses(3),
                      args.uints(4));
              return List.of();
            }),
        view(
            "getModel(bytes32 modelId) returns (address owner, address aggregator,"
                + " string metadataUri, uint64 latestRound, uint64 registeredAtBlock)",
            READ_GAS,
            (state, args) -> model(state, args.bytes32(0))),
        view(
            "getRound(bytes32 modelId, uint64 round) returns (uint8 status, bytes32 baseModelHash,"
                + " uint256 rewardPool, uint64 deadlineBlock, bytes32 aggregateHash,"
                + " uint64 submissions, uint64 accepted, uint256 minted)",
            READ_GAS,
            (state, args) -> round(state, args.bytes32(0), args.uint(1))),
        view(
            "getUpdate(bytes32 modelId, uint64 round, address contributor) returns (uint8 status,"
                + " bytes32 updateHash, bytes32[] datasetIds, uint64 sampleCount,"
                + " bytes32 metricsHash, uint64 submittedAtBlock, uint256 reward)",
            READ_GAS,
            (state, args) -> update(state, args.bytes32(0), args.uint(1), args.address(2))),
        view(
            "getSubmitters(bytes32 modelId, uint64 round) returns (address[])",
            READ_GAS,
            (state, args) ->
                List.of(
                    addresses(
                        args.uint(1).fitsLong()
                            ? ModelRegistryView.of(state)
                                .submitters(args.bytes32(0), args.uint(1).toLong())
                            : List.of()))),
        view(
            "reputation(address contributor) returns (int256)",
            READ_GAS,
            (state, args) ->
                List.of(int256(ModelRegistryView.of(state).reputation(args.address(0))))),
        view(
            "isUpdateTainted(bytes32 modelId, uint64 round, address contributor) returns (bool)",
            READ_GAS,
            (state, args) ->
                List.of(
                    bool(
                        new Submissions(state)
                            .isUpdateTainted(args.bytes32(0), args.uint(1), args.address(2))))),
        view(
            "MAX_DATASETS_PER_UPDATE() returns (uint256)",
            CONSTANT_GAS,
            (state, args) -> List.of(uint256(MAX_DATASETS_PER_UPDATE))),
        view(
            "MAX_SUBMISSIONS_PER_ROUND() returns (uint256)",
            CONSTANT_GAS,
            (state, args) -> List.of(uint256(MAX_SUBMISSIONS_PER_ROUND))));
  }

  @SuppressWarnings("rawtypes")
  private static List<Type> model(ContractState state, Bytes32 modelId) {
    RegisteredModel model =
        ModelRegistryView.of(state)
            .model(modelId)
            .orElse(new RegisteredModel(Address.ZERO, Address.ZERO, "", 0, 0));
    return List.of(
        AbiValues.address(model.owner()),
        AbiValues.address(model.aggregator()),
        string(model.metadataUri()),
        uint64(model.latestRound()),
        uint64(model.registeredAtBlock()));
  }

  @SuppressWarnings("rawtypes")
  private static List<Type> round(ContractState state, Bytes32 modelId, UInt256 number) {
    TrainingRound round =
        number.fitsLong()
            ? ModelRegistryView.of(state).round(modelId, number.toLong())
            : ModelRegistryView.of(state).round(modelId, 0);
    return List.of(
        uint8(round.status().code()),
        bytes32(round.baseModelHash()),
        uint256(round.rewardPool()),
        uint64(round.deadlineBlock()),
        bytes32(round.aggregateHash()),
        uint64(round.submissions()),
        uint64(round.accepted()),
        uint256(round.minted()));
  }

  @SuppressWarnings("rawtypes")
  private static List<Type> update(
      ContractState state, Bytes32 modelId, UInt256 number, Address contributor) {
    ModelUpdate update =
        ModelRegistryView.of(state)
            .update(modelId, number.fitsLong() ? number.toLong() : 0, contributor);
    return List.of(
        uint8(update.status().code()),
        bytes32(update.updateHash()),
        bytes32s(update.datasetIds()),
        uint64(update.sampleCount()),
        bytes32(update.metricsHash()),
        uint64(update.submittedAtBlock()),
        uint256(update.reward()));
  }
}

package org.ailedger.precompiles.provenance;

import static org.ailedger.precompiles.abi.AbiFunction.nonpayable;
import static org.ailedger.precompiles.abi.AbiFunction.view;
import static org.ailedger.precompiles.abi.AbiValues.bool;
import static org.ailedger.precompiles.abi.AbiValues.bytes32;
import static org.ailedger.precompiles.abi.AbiValues.bytes32s;
import static org.ailedger.precompiles.abi.AbiValues.string;
import static org.ailedger.precompiles.abi.AbiValues.uint256;

import java.math.BigInteger;
import java.util.List;
import org.ailedger.precompiles.AbiContract;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.abi.AbiArgs;
import org.ailedger.precompiles.abi.AbiEvent;
import org.ailedger.precompiles.abi.AbiFunction;
import org.ailedger.precompiles.abi.AbiValues;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * The DataProvenance contract at 0x…1002: data providers attest datasets (content hash, location,
 * licence, the datasets they were derived from), directly or through a relayer carrying the owner's
 * EIP-712 signature; auditors endorse them; the owner or an auditor revokes poisoned data, which
 * taints every descendant. ModelRegistry reads it through {@link ProvenanceView}; the write rules
 * are in {@link ProvenanceWriter}.
 *
 * <p>Storage layout, as Solidity would lay out {@code mapping(bytes32 => Dataset) datasets;
 * mapping(address => uint256) nonces;}:
 *
 * <pre>
 * slot 0  mapping(bytes32 datasetId => Dataset)  record at d = keccak256(datasetId . 0):
 *           d+0 owner            address; zero = never attested
 *           d+1 contentHash      bytes32
 *           d+2 uri              string, Solidity layout
 *           d+3 license          string, Solidity layout
 *           d+4 attestedAtBlock  uint64
 *           d+5 revoked          bool
 *           d+6 endorsements     uint256, count of auditors
 *           d+7 parents          bytes32[]: length, element i at keccak256(d+7) + i
 *           d+8 children         bytes32[], appended as children are attested
 *           d+9 endorsedBy       mapping(address auditor => bool)
 * slot 1  mapping(address owner => uint256) nonces  the next attestFor nonce
 * </pre>
 *
 * <p>Gas: each function's fixed cost plus metered slot accesses and logs; {@code attestFor} adds
 * {@link #SIGNATURE_RECOVERY_GAS} and {@link #HASH_WORD_GAS} per hashed word; lineage walks add
 * {@link #LINEAGE_HOP_GAS} per dataset visited.
 */
public final class DataProvenance implements AbiContract {
  public static final Address ADDRESS = NativeAddresses.DATA_PROVENANCE;
  public static final String NAME = "DataProvenance";

  /** Most parents one dataset may cite: bounds the work of one attestation. */
  public static final int MAX_PARENTS = 16;

  /** Most datasets (itself included) a taint check visits before it gives up with a revert. */
  public static final int MAX_LINEAGE_NODES = 256;

  public static final int MAX_URI_BYTES = 2_048;
  public static final int MAX_LICENSE_BYTES = 256;

  /** Charged per dataset a lineage walk visits, on top of its slot reads. */
  public static final long LINEAGE_HOP_GAS = 100;

  /** Signer recovery, priced like the EVM's ecrecover precompile. */
  public static final long SIGNATURE_RECOVERY_GAS = 3_000;

  /** Per 32-byte word of strings and parents hashed for EIP-712, like the EVM's SHA3 word cost. */
  public static final long HASH_WORD_GAS = 6;

  private static final long CONSTANT_GAS = 20;
  private static final long READ_GAS = 200;
  private static final long WRITE_GAS = 1_000;
  private static final long ATTEST_GAS = 2_000;

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

  @Override
  public List<AbiEvent> events() {
    return List.of(
        ProvenanceEvents.DATASET_ATTESTED,
        ProvenanceEvents.ATTESTATION_RELAYED,
        ProvenanceEvents.DATASET_ENDORSED,
        ProvenanceEvents.DATASET_REVOKED);
  }

  private static List<AbiFunction> declarations() {
    return List.of(
        // writes from the product design
        nonpayable(
            "attest(bytes32 datasetId, bytes32 contentHash, string uri, string license,"
                + " bytes32[] parents)",
            ATTEST_GAS,
            (state, args) -> {
              new ProvenanceWriter(state).attest(claim(args, 0));
              return List.of();
            }),
        nonpayable(
            "attestFor(address owner, bytes32 datasetId, bytes32 contentHash, string uri,"
                + " string license, bytes32[] parents, uint256 deadline, bytes signature)",
            ATTEST_GAS,
            (state, args) -> {
              new ProvenanceWriter(state)
                  .attestFor(args.address(0), claim(args, 1), args.uint(6), args.bytes(7));
              return List.of();
            }),
        nonpayable(
            "revoke(bytes32 datasetId, bytes32 reasonHash)",
            WRITE_GAS,
            (state, args) -> {
              new ProvenanceWriter(state).revoke(args.bytes32(0), args.bytes32(1));
              return List.of();
            }),
        nonpayable(
            "endorse(bytes32 datasetId)",
            WRITE_GAS,
            (state, args) -> {
              new ProvenanceWriter(state).endorse(args.bytes32(0));
              return List.of();
            }),
        // views
        view(
            "nonces(address owner) returns (uint256)",
            READ_GAS,
            (state, args) -> List.of(uint256(read(state).nonce(args.address(0))))),
        view(
            "isTainted(bytes32 datasetId) returns (bool)",
            READ_GAS,
            (state, args) -> List.of(bool(read(state).isTainted(args.bytes32(0))))),
        view(
            "taintSource(bytes32 datasetId) returns (bytes32)",
            READ_GAS,
            (state, args) ->
                List.of(bytes32(read(state).taintSource(args.bytes32(0)).orElse(Bytes32.ZERO)))),
        view(
            "getDataset(bytes32 datasetId) returns (address owner, bytes32 contentHash,"
                + " string uri, string license, uint64 attestedAtBlock, bool revoked,"
                + " uint256 endorsements)",
            READ_GAS,
            (state, args) -> {
              Dataset dataset = read(state).dataset(args.bytes32(0));
              return List.of(
                  AbiValues.address(dataset.owner()),
                  bytes32(dataset.contentHash()),
                  string(dataset.uri()),
                  string(dataset.license()),
                  new Uint64(BigInteger.valueOf(dataset.attestedAtBlock())),
                  bool(dataset.revoked()),
                  uint256(dataset.endorsements()));
            }),
        view(
            "parentsOf(bytes32 datasetId) returns (bytes32[])",
            READ_GAS,
            (state, args) -> List.of(bytes32s(read(state).parents(args.bytes32(0))))),
        view(
            "childrenOf(bytes32 datasetId) returns (bytes32[])",
            READ_GAS,
            (state, args) -> List.of(bytes32s(read(state).children(args.bytes32(0))))),
        view(
            "exists(bytes32 datasetId) returns (bool)",
            READ_GAS,
            (state, args) -> List.of(bool(read(state).exists(args.bytes32(0))))),
        view(
            "hasEndorsed(bytes32 datasetId, address auditor) returns (bool)",
            READ_GAS,
            (state, args) ->
                List.of(bool(read(state).hasEndorsed(args.bytes32(0), args.address(1))))),
        view(
            "DOMAIN_SEPARATOR() returns (bytes32)",
            CONSTANT_GAS,
            (state, args) ->
                List.of(bytes32(Eip712Domain.provenance(state.context().chainId()).separator()))),
        view(
            "MAX_PARENTS() returns (uint256)",
            CONSTANT_GAS,
            (state, args) -> List.of(uint256(MAX_PARENTS))),
        view(
            "MAX_LINEAGE_NODES() returns (uint256)",
            CONSTANT_GAS,
            (state, args) -> List.of(uint256(MAX_LINEAGE_NODES))));
  }

  /** The five claim fields starting at argument {@code first}. */
  private static DatasetClaim claim(AbiArgs args, int first) {
    return new DatasetClaim(
        args.bytes32(first),
        args.bytes32(first + 1),
        args.string(first + 2),
        args.string(first + 3),
        args.bytes32s(first + 4));
  }

  private static ProvenanceView read(ContractState state) {
    return ProvenanceView.of(state);
  }
}

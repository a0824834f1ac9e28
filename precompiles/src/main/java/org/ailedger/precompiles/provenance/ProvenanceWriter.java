package org.ailedger.precompiles.provenance;

import static org.ailedger.precompiles.abi.AbiValues.address;
import static org.ailedger.precompiles.abi.AbiValues.bytes32;
import static org.ailedger.precompiles.abi.AbiValues.bytes32s;
import static org.ailedger.precompiles.abi.AbiValues.string;
import static org.ailedger.precompiles.abi.AbiValues.uint256;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.permissions.PermissionsView;
import org.ailedger.precompiles.permissions.Role;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The changes to DataProvenance, each checked against the rules and announced by an event:
 *
 * <ul>
 *   <li>a dataset is attested once, by a permitted account, with a non-zero id and content hash,
 *       text within bounds and at most {@link DataProvenance#MAX_PARENTS} distinct existing
 *       parents;
 *   <li>{@code attestFor} records the same for an owner who signed it (EIP-712), before the
 *       deadline, at the owner's current nonce;
 *   <li>an AUDITOR endorses a dataset once, never one it owns nor a revoked one;
 *   <li>the owner or an AUDITOR revokes a dataset once, which taints all its descendants.
 * </ul>
 */
final class ProvenanceWriter {
  private final ContractState state;
  private final ProvenanceLayout layout;

  /** Over DataProvenance's own state; its caller is the account acting. */
  ProvenanceWriter(ContractState state) {
    this.state = state;
    this.layout = new ProvenanceLayout(state);
  }

  /** The caller attests a dataset it owns. */
  void attest(DatasetClaim claim) {
    Address owner = state.context().caller();
    if (!PermissionsView.of(state).isAccountAllowed(owner)) {
      throw new ContractRevert("account " + owner + " is not permitted and cannot own datasets");
    }
    record(owner, claim);
  }

  /** Anyone (the caller, a relayer) attests a dataset in the name of an owner who signed it. */
  void attestFor(Address owner, DatasetClaim claim, UInt256 deadline, Bytes signature) {
    String dataset = claim.datasetId().toHexString();
    UInt256 now = UInt256.valueOf(state.context().blockTimestamp());
    if (now.compareTo(deadline) > 0) {
      throw new ContractRevert(
          "signature for dataset "
              + dataset
              + " expired at "
              + deadline.toDecimalString()
              + "; block time is "
              + now.toDecimalString());
    }
    UInt256 nonce = layout.nonce(owner);
    Attestation attestation = new Attestation(owner, claim, nonce, deadline);
    state.gas().charge(DataProvenance.SIGNATURE_RECOVERY_GAS + hashingGas(claim));
    Bytes32 digest = attestation.digest(Eip712Domain.provenance(state.context().chainId()));
    switch (SignatureRecovery.recover(signature, digest)) {
      case SignatureRecovery.Recovery.Refused refused ->
          throw new ContractRevert(
              "signature for dataset "
                  + dataset
                  + " is invalid: "
                  + refused.defect().description());
      case SignatureRecovery.Recovery.Recovered recovered -> {
        if (!recovered.signer().equals(owner)) {
          throw new ContractRevert(
              "signature for dataset "
                  + dataset
                  + " is not by owner "
                  + owner
                  + " over its Attestation at nonce "
                  + nonce.toDecimalString()
                  + " (it recovers to "
                  + recovered.signer()
                  + ")");
        }
      }
    }
    if (!PermissionsView.of(state).isAccountAllowed(owner)) {
      throw new ContractRevert("owner " + owner + " is not a permitted account");
    }
    record(owner, claim);
    layout.setNonce(owner, nonce.add(UInt256.ONE));
    ProvenanceEvents.ATTESTATION_RELAYED.emit(
        state,
        bytes32(claim.datasetId()),
        address(owner),
        address(state.context().caller()),
        uint256(nonce));
  }

  void endorse(Bytes32 datasetId) {
    Address auditor = state.context().caller();
    if (!PermissionsView.of(state).hasRole(Role.AUDITOR, auditor)) {
      throw new ContractRevert("caller " + auditor + " lacks role " + Role.AUDITOR);
    }
    Address owner = requireExisting(datasetId);
    String dataset = datasetId.toHexString();
    if (layout.revoked(datasetId)) {
      throw new ContractRevert("dataset " + dataset + " is revoked and cannot be endorsed");
    }
    if (owner.equals(auditor)) {
      throw new ContractRevert(
          "auditor " + auditor + " owns dataset " + dataset + " and cannot endorse it");
    }
    if (layout.endorsedBy(datasetId, auditor)) {
      throw new ContractRevert("auditor " + auditor + " has already endorsed dataset " + dataset);
    }
    layout.addEndorsement(datasetId, auditor);
    ProvenanceEvents.DATASET_ENDORSED.emit(state, bytes32(datasetId), address(auditor));
  }

  void revoke(Bytes32 datasetId, Bytes32 reasonHash) {
    Address caller = state.context().caller();
    Address owner = requireExisting(datasetId);
    String dataset = datasetId.toHexString();
    if (!owner.equals(caller) && !PermissionsView.of(state).hasRole(Role.AUDITOR, caller)) {
      throw new ContractRevert(
          "caller "
              + caller
              + " is neither the owner of dataset "
              + dataset
              + " nor an "
              + Role.AUDITOR);
    }
    if (layout.revoked(datasetId)) {
      throw new ContractRevert("dataset " + dataset + " is already revoked");
    }
    layout.markRevoked(datasetId);
    ProvenanceEvents.DATASET_REVOKED.emit(
        state, bytes32(datasetId), address(caller), bytes32(reasonHash));
  }

  private void record(Address owner, DatasetClaim claim) {
    Bytes32 id = claim.datasetId();
    if (id.isZero()) {
      throw new ContractRevert("dataset id must not be zero");
    }
    String dataset = id.toHexString();
    if (claim.contentHash().isZero()) {
      throw new ContractRevert("content hash of dataset " + dataset + " must not be zero");
    }
    requireWithin("uri", dataset, claim.uri(), DataProvenance.MAX_URI_BYTES);
    requireWithin("license", dataset, claim.license(), DataProvenance.MAX_LICENSE_BYTES);
    Address existing = layout.owner(id);
    if (!existing.equals(Address.ZERO)) {
      throw new ContractRevert(
          "dataset "
              + dataset
              + " already exists (attested by "
              + existing
              + " in block "
              + layout.attestedAtBlock(id)
              + ")");
    }
    int parents = claim.parents().size();
    if (parents > DataProvenance.MAX_PARENTS) {
      throw new ContractRevert(
          "dataset "
              + dataset
              + " cites "
              + parents
              + " parents; at most "
              + DataProvenance.MAX_PARENTS
              + " are allowed");
    }
    Set<Bytes32> seen = new HashSet<>();
    for (Bytes32 parent : claim.parents()) {
      if (!seen.add(parent)) {
        throw new ContractRevert(
            "parent " + parent.toHexString() + " of dataset " + dataset + " is listed twice");
      }
      if (!layout.exists(parent)) {
        throw new ContractRevert(
            "parent " + parent.toHexString() + " of dataset " + dataset + " does not exist");
      }
    }
    layout.record(owner, claim, state.context().blockNumber());
    ProvenanceEvents.DATASET_ATTESTED.emit(
        state,
        bytes32(id),
        address(owner),
        bytes32(claim.contentHash()),
        string(claim.uri()),
        string(claim.license()),
        bytes32s(claim.parents()));
  }

  private Address requireExisting(Bytes32 datasetId) {
    Address owner = layout.owner(datasetId);
    if (owner.equals(Address.ZERO)) {
      throw new ContractRevert("dataset " + datasetId.toHexString() + " does not exist");
    }
    return owner;
  }

  private static void requireWithin(String field, String dataset, String text, int maxBytes) {
    int size = text.getBytes(StandardCharsets.UTF_8).length;
    if (size > maxBytes) {
      throw new ContractRevert(
          field
              + " of dataset "
              + dataset
              + " has "
              + size
              + " bytes; at most "
              + maxBytes
              + " are allowed");
    }
  }

  /** Keccak work for the typed-data hash, priced per 32-byte word like the EVM's SHA3. */
  private static long hashingGas(DatasetClaim claim) {
    long bytes =
        claim.uri().getBytes(StandardCharsets.UTF_8).length
            + claim.license().getBytes(StandardCharsets.UTF_8).length
            + 32L * claim.parents().size();
    return DataProvenance.HASH_WORD_GAS * ((bytes + 31) / 32);
  }
}

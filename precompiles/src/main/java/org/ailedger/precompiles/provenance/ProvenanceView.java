package org.ailedger.precompiles.provenance;

import java.util.List;
import java.util.Optional;
import org.ailedger.precompiles.ContractRevert;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Read access to DataProvenance for Java callers during a call, e.g. ModelRegistry checking the
 * datasets an update cites: {@code ProvenanceView.of(state).taintSource(id)}. Reads go through the
 * call's buffer and are charged to its gas meter, lineage walks per visited dataset too.
 *
 * <p>Questions about a dataset that was never attested revert with "dataset 0x… does not exist";
 * ask {@link #exists} first to answer differently.
 */
public final class ProvenanceView {
  private final ContractState state;
  private final ProvenanceLayout layout;

  private ProvenanceView(ContractState state) {
    this.state = state;
    this.layout = new ProvenanceLayout(state);
  }

  /** From any native contract's state in a call; it is redirected to DataProvenance's own state. */
  public static ProvenanceView of(ContractState state) {
    return new ProvenanceView(state.contract(NativeAddresses.DATA_PROVENANCE));
  }

  public boolean exists(Bytes32 datasetId) {
    return layout.exists(datasetId);
  }

  public Dataset dataset(Bytes32 datasetId) {
    Address owner = requireExisting(datasetId);
    return new Dataset(
        owner,
        layout.contentHash(datasetId),
        layout.uri(datasetId),
        layout.license(datasetId),
        layout.attestedAtBlock(datasetId),
        layout.revoked(datasetId),
        layout.endorsements(datasetId));
  }

  /** The datasets it was derived from, in the order the attestation listed them. */
  public List<Bytes32> parents(Bytes32 datasetId) {
    requireExisting(datasetId);
    return layout.parents(datasetId);
  }

  /** The datasets that cite it as a parent, in attestation order. */
  public List<Bytes32> children(Bytes32 datasetId) {
    requireExisting(datasetId);
    return layout.children(datasetId);
  }

  public boolean hasEndorsed(Bytes32 datasetId, Address auditor) {
    requireExisting(datasetId);
    return layout.endorsedBy(datasetId, auditor);
  }

  /** The nonce the owner's next {@code attestFor} signature must carry. */
  public UInt256 nonce(Address owner) {
    return layout.nonce(owner);
  }

  /**
   * The revoked dataset that taints {@code datasetId} (itself, or its nearest revoked ancestor
   * breadth-first), or empty when it and all its ancestors are clean.
   *
   * @throws ContractRevert if the dataset does not exist, or its lineage is needed in full and
   *     exceeds {@link DataProvenance#MAX_LINEAGE_NODES} datasets
   */
  public Optional<Bytes32> taintSource(Bytes32 datasetId) {
    requireExisting(datasetId);
    return LineageWalk.firstRevoked(layout, state.gas(), datasetId);
  }

  public boolean isTainted(Bytes32 datasetId) {
    return taintSource(datasetId).isPresent();
  }

  private Address requireExisting(Bytes32 datasetId) {
    Address owner = layout.owner(datasetId);
    if (owner.equals(Address.ZERO)) {
      throw new ContractRevert("dataset " + datasetId.toHexString() + " does not exist");
    }
    return owner;
  }
}

package org.ailedger.precompiles.provenance;

import static org.ailedger.precompiles.storage.StorageSlots.arrayElement;
import static org.ailedger.precompiles.storage.StorageSlots.mapping;
import static org.ailedger.precompiles.storage.StorageSlots.offset;
import static org.ailedger.precompiles.storage.StorageSlots.slot;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Where DataProvenance keeps what, and the raw updates. Rules (who may call, what is refused) live
 * in {@link ProvenanceWriter}; this class assumes they were checked. See {@link DataProvenance} for
 * the layout.
 */
final class ProvenanceLayout {
  static final Bytes32 DATASETS = slot(0);
  static final Bytes32 NONCES = slot(1);

  // word offsets of the fields of one dataset record, from keccak256(datasetId . 0)
  private static final int OWNER = 0;
  private static final int CONTENT_HASH = 1;
  private static final int URI = 2;
  private static final int LICENSE = 3;
  private static final int ATTESTED_AT_BLOCK = 4;
  private static final int REVOKED = 5;
  private static final int ENDORSEMENTS = 6;
  private static final int PARENTS = 7;
  private static final int CHILDREN = 8;
  private static final int ENDORSED_BY = 9;

  private static final Bytes32 TRUE = UInt256.ONE.toBytes();

  private final ContractStorage storage;

  ProvenanceLayout(ContractStorage storage) {
    this.storage = storage;
  }

  /** The zero address when the dataset was never attested; attested datasets never lose it. */
  Address owner(Bytes32 datasetId) {
    return Address.fromWord(storage.load(field(datasetId, OWNER)));
  }

  boolean exists(Bytes32 datasetId) {
    return !storage.load(field(datasetId, OWNER)).isZero();
  }

  Bytes32 contentHash(Bytes32 datasetId) {
    return storage.load(field(datasetId, CONTENT_HASH));
  }

  String uri(Bytes32 datasetId) {
    return StoredString.read(storage, field(datasetId, URI), DataProvenance.MAX_URI_BYTES);
  }

  String license(Bytes32 datasetId) {
    return StoredString.read(storage, field(datasetId, LICENSE), DataProvenance.MAX_LICENSE_BYTES);
  }

  long attestedAtBlock(Bytes32 datasetId) {
    return smallNumber(storage.load(field(datasetId, ATTESTED_AT_BLOCK)));
  }

  boolean revoked(Bytes32 datasetId) {
    return !storage.load(field(datasetId, REVOKED)).isZero();
  }

  long endorsements(Bytes32 datasetId) {
    return smallNumber(storage.load(field(datasetId, ENDORSEMENTS)));
  }

  boolean endorsedBy(Bytes32 datasetId, Address auditor) {
    return !storage.load(mapping(field(datasetId, ENDORSED_BY), auditor)).isZero();
  }

  List<Bytes32> parents(Bytes32 datasetId) {
    return words(field(datasetId, PARENTS));
  }

  List<Bytes32> children(Bytes32 datasetId) {
    return words(field(datasetId, CHILDREN));
  }

  UInt256 nonce(Address owner) {
    return UInt256.fromBytes(storage.load(mapping(NONCES, owner)));
  }

  /** Stores a new dataset and appends it to each parent's children. */
  void record(Address owner, DatasetClaim claim, long block) {
    Bytes32 id = claim.datasetId();
    storage.store(field(id, OWNER), owner.toWord());
    storage.store(field(id, CONTENT_HASH), claim.contentHash());
    StoredString.write(storage, field(id, URI), claim.uri());
    StoredString.write(storage, field(id, LICENSE), claim.license());
    storage.store(field(id, ATTESTED_AT_BLOCK), UInt256.valueOf(block).toBytes());
    Bytes32 parents = field(id, PARENTS);
    for (int i = 0; i < claim.parents().size(); i++) {
      storage.store(arrayElement(parents, i), claim.parents().get(i));
    }
    if (!claim.parents().isEmpty()) {
      storage.store(parents, UInt256.valueOf(claim.parents().size()).toBytes());
    }
    for (Bytes32 parent : claim.parents()) {
      append(field(parent, CHILDREN), id);
    }
  }

  void markRevoked(Bytes32 datasetId) {
    storage.store(field(datasetId, REVOKED), TRUE);
  }

  /** Records one auditor's endorsement; returns the new count. */
  long addEndorsement(Bytes32 datasetId, Address auditor) {
    storage.store(mapping(field(datasetId, ENDORSED_BY), auditor), TRUE);
    long count = endorsements(datasetId) + 1;
    storage.store(field(datasetId, ENDORSEMENTS), UInt256.valueOf(count).toBytes());
    return count;
  }

  void setNonce(Address owner, UInt256 nonce) {
    storage.store(mapping(NONCES, owner), nonce.toBytes());
  }

  private static Bytes32 field(Bytes32 datasetId, int offset) {
    return offset(mapping(DATASETS, datasetId), offset);
  }

  private List<Bytes32> words(Bytes32 arraySlot) {
    long length = smallNumber(storage.load(arraySlot));
    List<Bytes32> values = new ArrayList<>();
    for (long i = 0; i < length; i++) {
      values.add(storage.load(arrayElement(arraySlot, i)));
    }
    return List.copyOf(values);
  }

  private void append(Bytes32 arraySlot, Bytes32 value) {
    long length = smallNumber(storage.load(arraySlot));
    storage.store(arrayElement(arraySlot, length), value);
    storage.store(arraySlot, UInt256.valueOf(length + 1).toBytes());
  }

  private static long smallNumber(Bytes32 word) {
    UInt256 value = UInt256.fromBytes(word);
    if (!value.fitsLong()) {
      throw new IllegalStateException("corrupt DataProvenance counter word " + word);
    }
    return value.toLong();
  }
}

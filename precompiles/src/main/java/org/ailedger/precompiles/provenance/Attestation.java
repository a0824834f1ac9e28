package org.ailedger.precompiles.provenance;

import static org.ailedger.precompiles.provenance.Eip712Domain.keccak;
import static org.ailedger.precompiles.provenance.Eip712Domain.utf8;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The EIP-712 message an owner signs so that someone else may attest a dataset in the owner's name
 * ({@code attestFor}). It covers every field of the claim, so a relayer can change nothing, plus
 * the owner's current nonce (one use per signature) and a deadline in unix seconds.
 */
public record Attestation(Address owner, DatasetClaim claim, UInt256 nonce, UInt256 deadline) {
  /** The canonical encoding of the message type; its keccak256 is the type hash. */
  public static final String TYPE =
      "Attestation(address owner,bytes32 datasetId,bytes32 contentHash,string uri,"
          + "string license,bytes32[] parents,uint256 nonce,uint256 deadline)";

  public static final Bytes32 TYPE_HASH = keccak(utf8(TYPE));

  public Attestation {
    if (owner == null || claim == null || nonce == null || deadline == null) {
      throw new IllegalArgumentException("owner, claim, nonce and deadline are required");
    }
  }

  /**
   * {@code hashStruct(message)}: the type hash followed by one word per field, where a string is
   * replaced by the keccak256 of its UTF-8 bytes and the {@code bytes32[]} by the keccak256 of its
   * elements concatenated, as EIP-712 encodes dynamic values.
   */
  public Bytes32 structHash() {
    Bytes parents =
        claim.parents().isEmpty()
            ? Bytes.EMPTY
            : Bytes.concatenate(claim.parents().toArray(Bytes[]::new));
    return keccak(
        Bytes.concatenate(
            TYPE_HASH,
            owner.toWord(),
            claim.datasetId(),
            claim.contentHash(),
            keccak(utf8(claim.uri())),
            keccak(utf8(claim.license())),
            keccak(parents),
            nonce.toBytes(),
            deadline.toBytes()));
  }

  /** The digest the owner signs in {@code domain}. */
  public Bytes32 digest(Eip712Domain domain) {
    return domain.digest(structHash());
  }
}

package org.ailedger.node.consensus.qbft;

import java.math.BigInteger;
import java.util.Optional;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.types.Address;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Committed seals: a validator's 65-byte signature (r ‖ s ‖ recovery id) over the header's
 * committed-seal hash, which leaves the seals themselves out, so every validator signs the same 32
 * bytes, and keeps the round, so a seal cannot be replayed for the same block in another round.
 */
public final class CommitSeals {
  private final Secp256k1 secp256k1;

  public CommitSeals(Secp256k1 secp256k1) {
    this.secp256k1 = secp256k1;
  }

  public Bytes seal(BlockHeader header, KeyPair validatorKey) {
    return secp256k1.sign(header.committedSealHash(), validatorKey.privateKey());
  }

  /** The validator that produced {@code seal} over {@code sealHash}, if the seal is well formed. */
  public Optional<Address> signer(Bytes32 sealHash, Bytes seal) {
    if (seal.size() != QbftExtraData.SEAL_SIZE) {
      return Optional.empty();
    }
    int recId = seal.get(64) & 0xFF;
    if (recId > 1) {
      return Optional.empty();
    }
    BigInteger r = seal.slice(0, 32).toUnsignedBigInteger();
    BigInteger s = seal.slice(32, 32).toUnsignedBigInteger();
    // EIP-2: the high-s twin of a valid seal would otherwise count as a second, distinct seal form
    if (r.signum() == 0
        || r.compareTo(Secp256k1.CURVE_ORDER) >= 0
        || s.signum() == 0
        || s.compareTo(Secp256k1.HALF_CURVE_ORDER) > 0) {
      return Optional.empty();
    }
    return secp256k1
        .recoverPublicKey(sealHash, r, s, recId)
        .map(pub -> new Address(Keccak.hash(pub).slice(12, 20)));
  }

  /** Byzantine quorum for n validators: ceil(2n/3). */
  public static int quorum(int validatorCount) {
    return (2 * validatorCount + 2) / 3;
  }
}

package org.ailedger.node.tx;

import java.math.BigInteger;
import java.util.Optional;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.crypto.Secp256k1;
import org.apache.tuweni.bytes.Bytes;

/**
 * Finds who signed a transaction. Recovery is the most expensive per-transaction check (tens of
 * microseconds natively), so callers run it on a worker pool, once per transaction, and keep the
 * result with the transaction; this class itself holds no state and is thread-safe.
 */
public final class SenderRecovery {
  private final Secp256k1 secp256k1;

  public SenderRecovery(Secp256k1 secp256k1) {
    if (secp256k1 == null) {
      throw new IllegalArgumentException("a secp256k1 implementation is required");
    }
    this.secp256k1 = secp256k1;
  }

  public RecoveryResult recover(Transaction tx) {
    Signature signature = tx.signature();
    BigInteger r = signature.r();
    BigInteger s = signature.s();
    Optional<RecoveryResult> outOfRange = checkRange("r", r).or(() -> checkRange("s", s));
    if (outOfRange.isPresent()) {
      return outOfRange.get();
    }
    if (s.compareTo(Secp256k1.HALF_CURVE_ORDER) > 0) {
      return invalid("signature s is above n/2; EIP-2 accepts only the low-s form (use n - s)");
    }
    Optional<Bytes> publicKey =
        secp256k1.recoverPublicKey(TransactionSigner.signingHash(tx), r, s, signature.recId());
    if (publicKey.isEmpty()) {
      return invalid("the signature does not recover to a public key");
    }
    return new RecoveryResult.Recovered(new PublicKey(publicKey.get()).address());
  }

  private static Optional<RecoveryResult> checkRange(String name, BigInteger value) {
    if (value.signum() == 0) {
      return Optional.of(invalid("signature " + name + " is 0; it must be in [1, n-1]"));
    }
    if (value.compareTo(Secp256k1.CURVE_ORDER) >= 0) {
      return Optional.of(
          invalid("signature " + name + " is not below the secp256k1 group order n"));
    }
    return Optional.empty();
  }

  private static RecoveryResult invalid(String message) {
    return new RecoveryResult.Invalid(
        new TransactionRejection(RejectionReason.INVALID_SIGNATURE, message));
  }
}

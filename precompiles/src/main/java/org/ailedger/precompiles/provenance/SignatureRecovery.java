package org.ailedger.precompiles.provenance;

import java.math.BigInteger;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Recovers the signer of a digest from a 65-byte secp256k1 signature {@code r ‖ s ‖ v}, as wallets
 * produce for EIP-712. Every field is range-checked here before web3j sees it, and only low-s
 * signatures are accepted (EIP-2): for any valid {@code (r, s)} the pair {@code (r, n − s)} is
 * valid too, and accepting both would give one authorisation two encodings.
 */
final class SignatureRecovery {
  static final int LENGTH = 65;

  /** The order n of the secp256k1 group (SEC 2, section 2.4.1). */
  static final BigInteger CURVE_ORDER =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  static final BigInteger HALF_CURVE_ORDER = CURVE_ORDER.shiftRight(1);

  /** The outcome of a recovery: a signer, or the defect that refused the signature. */
  sealed interface Recovery {
    record Recovered(Address signer) implements Recovery {}

    record Refused(SignatureDefect defect) implements Recovery {}
  }

  private SignatureRecovery() {}

  static Recovery recover(Bytes signature, Bytes32 digest) {
    if (signature.size() != LENGTH) {
      return refused(SignatureDefect.WRONG_LENGTH);
    }
    BigInteger r = signature.slice(0, 32).toUnsignedBigInteger();
    BigInteger s = signature.slice(32, 32).toUnsignedBigInteger();
    int v = signature.get(64) & 0xff;
    int recoveryId;
    if (v == 27 || v == 28) {
      recoveryId = v - 27;
    } else if (v == 0 || v == 1) {
      recoveryId = v;
    } else {
      return refused(SignatureDefect.INVALID_V);
    }
    if (r.signum() == 0 || r.compareTo(CURVE_ORDER) >= 0) {
      return refused(SignatureDefect.R_OUT_OF_RANGE);
    }
    if (s.signum() == 0 || s.compareTo(CURVE_ORDER) >= 0) {
      return refused(SignatureDefect.S_OUT_OF_RANGE);
    }
    if (s.compareTo(HALF_CURVE_ORDER) > 0) {
      return refused(SignatureDefect.HIGH_S);
    }
    BigInteger publicKey;
    try {
      publicKey =
          Sign.recoverFromSignature(recoveryId, new ECDSASignature(r, s), digest.toArrayUnsafe());
    } catch (IllegalArgumentException notOnCurve) {
      // r is not the x coordinate of any curve point: nothing can have signed this
      return refused(SignatureDefect.NO_SIGNER);
    }
    // zero is what web3j answers when the recovered point is at infinity
    if (publicKey == null || publicKey.signum() == 0) {
      return refused(SignatureDefect.NO_SIGNER);
    }
    return new Recovery.Recovered(Address.fromHex(Keys.getAddress(publicKey)));
  }

  private static Recovery refused(SignatureDefect defect) {
    return new Recovery.Refused(defect);
  }
}

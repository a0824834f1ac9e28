package org.ailedger.evm.precompile;

import fr.acinq.secp256k1.Secp256k1;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.MutableBytes;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * 0x01: the address that signed a hash, from (hash, v, r, s) as four 32-byte words; 3000 gas.
 *
 * <p>A signature that does not recover is not a failure: the call succeeds with empty output.
 * Unlike transaction signatures, high s values are accepted. Recovery runs in libsecp256k1 over
 * JNI, the binding the node verifies transactions with, rather than in pure-Java curve arithmetic.
 */
public final class EcRecover implements PrecompiledContract {
  private static final long GAS = 3000;
  private static final BigInteger CURVE_ORDER =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  private final Secp256k1 secp256k1;

  /** Binds the native library; throws {@link IllegalStateException} where it cannot load. */
  public EcRecover() {
    try {
      this.secp256k1 = Secp256k1.get();
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("native secp256k1 is unavailable: " + e, e);
    }
  }

  @Override
  public long gasRequirement(Bytes input) {
    return GAS;
  }

  @Override
  public Optional<Bytes> compute(Bytes input) {
    Bytes hash = PaddedInput.slice(input, 0, 32);
    Bytes v = PaddedInput.slice(input, 32, 32);
    Bytes r = PaddedInput.slice(input, 64, 32);
    Bytes s = PaddedInput.slice(input, 96, 32);
    if (!v.slice(0, 31).isZero() || (v.get(31) != 27 && v.get(31) != 28)) {
      return Optional.of(Bytes.EMPTY);
    }
    if (!inScalarRange(r) || !inScalarRange(s)) {
      return Optional.of(Bytes.EMPTY);
    }
    byte[] publicKey;
    try {
      publicKey =
          secp256k1.ecdsaRecover(
              Bytes.concatenate(r, s).toArrayUnsafe(), hash.toArrayUnsafe(), v.get(31) - 27);
    } catch (RuntimeException noPoint) { // r is not the x of a curve point, or the key is infinity
      return Optional.of(Bytes.EMPTY);
    }
    KeccakDigest keccak = new KeccakDigest(256);
    keccak.update(publicKey, 1, 64); // the uncompressed key without its 0x04 prefix
    byte[] digest = new byte[32];
    keccak.doFinal(digest, 0);
    MutableBytes out = MutableBytes.create(32);
    Bytes.wrap(digest, 12, 20).copyTo(out, 12);
    return Optional.of(out);
  }

  private static boolean inScalarRange(Bytes word) {
    BigInteger value = word.toUnsignedBigInteger();
    return value.signum() > 0 && value.compareTo(CURVE_ORDER) < 0;
  }
}

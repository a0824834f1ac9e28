package org.ailedger.evm.precompile;

import ethereum.cryptography.LibEthKZG;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.MutableBytes;

/**
 * 0x0a: verifies a KZG proof that a blob's polynomial, committed to by {@code commitment}, takes
 * the value y at z (EIP-4844); 50000 gas. The input is exactly 192 bytes: the blob's versioned
 * hash, z, y, the 48-byte commitment and the 48-byte proof. The versioned hash must be 0x01
 * followed by the last 31 bytes of sha256(commitment). On success the output is the number of field
 * elements in a blob and the BLS12-381 scalar modulus, two 32-byte words.
 */
public final class PointEvaluation implements PrecompiledContract {
  private static final long GAS = 50_000;
  private static final int INPUT_SIZE = 192;
  private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;
  private static final long FIELD_ELEMENTS_PER_BLOB = 4096;
  private static final BigInteger BLS_MODULUS =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
  private static final Bytes SUCCESS = successOutput();

  private final LibEthKZG kzg;

  /**
   * Verifies with the given context, which carries the setup of Ethereum's KZG ceremony built into
   * the library. Verification needs no precomputation: {@code new LibEthKZG(false)} suffices.
   */
  public PointEvaluation(LibEthKZG kzg) {
    this.kzg = kzg;
  }

  @Override
  public long gasRequirement(Bytes input) {
    return GAS;
  }

  @Override
  public Optional<Bytes> compute(Bytes input) {
    if (input.size() != INPUT_SIZE) {
      return Optional.empty();
    }
    Bytes versionedHash = input.slice(0, 32);
    Bytes z = input.slice(32, 32);
    Bytes y = input.slice(64, 32);
    Bytes commitment = input.slice(96, 48);
    Bytes proof = input.slice(144, 48);
    Bytes commitmentHash = Sha256.digest(commitment);
    if (versionedHash.get(0) != VERSIONED_HASH_VERSION_KZG
        || !versionedHash.slice(1).equals(commitmentHash.slice(1))) {
      return Optional.empty();
    }
    boolean valid;
    try {
      valid = kzg.verifyKzgProof(commitment.toArray(), z.toArray(), y.toArray(), proof.toArray());
    } catch (RuntimeException malformed) { // a point off the curve, a scalar not below the modulus
      return Optional.empty();
    }
    return valid ? Optional.of(SUCCESS) : Optional.empty();
  }

  private static Bytes successOutput() {
    MutableBytes out = MutableBytes.create(64);
    Bytes.ofUnsignedLong(FIELD_ELEMENTS_PER_BLOB).copyTo(out, 32 - 8);
    Bytes.wrap(BLS_MODULUS.toByteArray()).trimLeadingZeros().copyTo(out, 32);
    return out;
  }
}

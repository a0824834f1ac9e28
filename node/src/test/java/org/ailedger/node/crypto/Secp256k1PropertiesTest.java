package org.ailedger.node.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The native and BouncyCastle implementations are interchangeable. Each case draws its inputs from
 * {@code new Random(seed)}, so a failing seed reproduces the same keys and hashes.
 */
class Secp256k1PropertiesTest {
  private static final int TRIES = 200;
  private static final BigInteger N = Secp256k1.CURVE_ORDER;
  private static final BigInteger HALF = Secp256k1.HALF_CURVE_ORDER;

  /** The ends of the key range and the low-s line. */
  private static final List<BigInteger> EDGE_KEYS =
      List.of(
          BigInteger.ONE,
          BigInteger.TWO,
          N.subtract(BigInteger.ONE),
          N.subtract(BigInteger.TWO),
          HALF,
          HALF.add(BigInteger.ONE));

  /** Words at the ends of the 256-bit range and of the scalar range [1, n). */
  private static final List<Bytes32> EDGE_WORDS =
      List.of(
          Bytes32.ZERO,
          Secp256k1Curve.word(BigInteger.ONE),
          Secp256k1Curve.word(HALF),
          Secp256k1Curve.word(N.subtract(BigInteger.ONE)),
          Secp256k1Curve.word(N),
          Secp256k1Curve.word(N.add(BigInteger.ONE)),
          Secp256k1Curve.word(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)));

  private static final Secp256k1 NATIVE = NativeSecp256k1.load();
  private static final Secp256k1 BOUNCY_CASTLE = new BouncyCastleSecp256k1();

  static LongStream seeds() {
    return LongStream.range(0, TRIES);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bothImplementationsRecoverTheSameKeyFromEitherSignature(long seed) {
    Random random = new Random(seed);
    PrivateKey key = privateKey(random);
    Bytes32 message = hash(random);
    Bytes expected = KeyPair.of(key).publicKey().bytes();
    for (Secp256k1 signer : new Secp256k1[] {NATIVE, BOUNCY_CASTLE}) {
      Bytes signature = signer.sign(message, key);
      BigInteger r = Secp256k1Test.r(signature);
      BigInteger s = Secp256k1Test.s(signature);
      int recId = signature.get(64);

      assertThat(s).as("seed %d, low s from %s", seed, signer).isLessThanOrEqualTo(HALF);
      assertThat(NATIVE.recoverPublicKey(message, r, s, recId))
          .as("seed %d, native recovery of a signature from %s", seed, signer)
          .contains(expected);
      assertThat(BOUNCY_CASTLE.recoverPublicKey(message, r, s, recId))
          .as("seed %d, BouncyCastle recovery of a signature from %s", seed, signer)
          .contains(expected);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bothImplementationsAgreeOnArbitrarySignatureValues(long seed) {
    Random random = new Random(seed);
    Bytes32 message = hash(random);
    BigInteger r = hash(random).toUnsignedBigInteger();
    BigInteger s = hash(random).toUnsignedBigInteger();
    int recId = random.nextBoolean() ? 1 : 0;
    assertThat(NATIVE.recoverPublicKey(message, r, s, recId))
        .as("seed %d", seed)
        .isEqualTo(BOUNCY_CASTLE.recoverPublicKey(message, r, s, recId));
  }

  /** Uniform in [1, n), with one draw in ten from {@link #EDGE_KEYS}. */
  private static PrivateKey privateKey(Random random) {
    if (random.nextInt(10) == 0) {
      return PrivateKey.of(EDGE_KEYS.get(random.nextInt(EDGE_KEYS.size())));
    }
    BigInteger value;
    do {
      value = new BigInteger(256, random);
    } while (value.signum() == 0 || value.compareTo(N) >= 0);
    return PrivateKey.of(value);
  }

  /** 32 random bytes, with one draw in ten from {@link #EDGE_WORDS}. */
  private static Bytes32 hash(Random random) {
    if (random.nextInt(10) == 0) {
      return EDGE_WORDS.get(random.nextInt(EDGE_WORDS.size()));
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Bytes32.wrap(bytes);
  }
}

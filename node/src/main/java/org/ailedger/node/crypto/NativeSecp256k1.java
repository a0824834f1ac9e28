package org.ailedger.node.crypto;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * secp256k1 through Bitcoin Core's libsecp256k1 (ACINQ's JNI binding): the fast path.
 *
 * <p>The binding's Java API ({@code fr.acinq.secp256k1.Secp256k1}) reaches this module only at
 * runtime scope, through the POM of the JNI artifact, so it is bound here by method handles rather
 * than compiled against. The handles are resolved once, in {@link #load()}.
 */
public final class NativeSecp256k1 implements Secp256k1 {
  private static final String API = "fr.acinq.secp256k1.Secp256k1";

  private final MethodHandle ecdsaRecover; // (byte[] sig64, byte[] msg32, int recId) -> byte[65]
  private final MethodHandle sign; // (byte[] msg32, byte[] secret32) -> byte[64]
  private final MethodHandle pubkeyCreate; // (byte[] secret32) -> byte[65]

  private NativeSecp256k1(MethodHandle ecdsaRecover, MethodHandle sign, MethodHandle pubkeyCreate) {
    this.ecdsaRecover = ecdsaRecover;
    this.sign = sign;
    this.pubkeyCreate = pubkeyCreate;
  }

  /**
   * Loads the JNI library for this platform.
   *
   * @throws IllegalStateException if the library is missing or cannot be linked, with the cause
   */
  public static NativeSecp256k1 load() {
    try {
      Class<?> api = Class.forName(API);
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Object lib = lookup.findStatic(api, "get", MethodType.methodType(api)).invoke();
      MethodType bytes2Int =
          MethodType.methodType(byte[].class, byte[].class, byte[].class, int.class);
      MethodType bytes2 = MethodType.methodType(byte[].class, byte[].class, byte[].class);
      MethodType bytes1 = MethodType.methodType(byte[].class, byte[].class);
      NativeSecp256k1 loaded =
          new NativeSecp256k1(
              lookup.findVirtual(api, "ecdsaRecover", bytes2Int).bindTo(lib),
              lookup.findVirtual(api, "sign", bytes2).bindTo(lib),
              lookup.findVirtual(api, "pubkeyCreate", bytes1).bindTo(lib));
      loaded.selfTest();
      return loaded;
    } catch (Throwable e) { // linkage errors are the expected failure here, not bugs
      throw new IllegalStateException("native secp256k1 is unavailable: " + e, e);
    }
  }

  /** Fails early, at load time, if the library links but does not work. */
  private void selfTest() {
    PrivateKey key = PrivateKey.of(BigInteger.ONE);
    Bytes32 message = Bytes32.ZERO;
    Bytes signature = sign(message, key);
    Optional<Bytes> recovered =
        recoverPublicKey(
            message,
            signature.slice(0, 32).toUnsignedBigInteger(),
            signature.slice(32, 32).toUnsignedBigInteger(),
            signature.get(64));
    if (!recovered.equals(Optional.of(Secp256k1Curve.publicKeyOf(BigInteger.ONE).bytes()))) {
      throw new IllegalStateException("self-test recovered the wrong key");
    }
  }

  @Override
  public Optional<Bytes> recoverPublicKey(
      Bytes32 messageHash, BigInteger r, BigInteger s, int recId) {
    if (recId != 0 && recId != 1) {
      throw new IllegalArgumentException("recovery id must be 0 or 1, got " + recId);
    }
    // Range checks up front keep out-of-range input away from the JNI exception path.
    if (!Secp256k1Curve.inScalarRange(r) || !Secp256k1Curve.inScalarRange(s)) {
      return Optional.empty();
    }
    byte[] compact =
        Bytes.concatenate(Secp256k1Curve.word(r), Secp256k1Curve.word(s)).toArrayUnsafe();
    byte[] key;
    try {
      key = (byte[]) ecdsaRecover.invokeExact(compact, messageHash.toArrayUnsafe(), recId);
    } catch (RuntimeException noKey) { // Secp256k1Exception: not on the curve, or infinity
      return Optional.empty();
    } catch (Throwable e) {
      throw rethrow(e);
    }
    return Optional.of(uncompressed(key));
  }

  @Override
  public Bytes sign(Bytes32 messageHash, PrivateKey key) {
    byte[] secret = key.bytes().toArray();
    try {
      // libsecp256k1 signs with RFC 6979 nonces and always returns the low-s form.
      byte[] compact = (byte[]) sign.invokeExact(messageHash.toArrayUnsafe(), secret);
      Bytes expected = uncompressed((byte[]) pubkeyCreate.invokeExact(secret));
      BigInteger r = new BigInteger(1, Arrays.copyOfRange(compact, 0, 32));
      BigInteger s = new BigInteger(1, Arrays.copyOfRange(compact, 32, 64));
      for (int recId = 0; recId <= 1; recId++) {
        if (recoverPublicKey(messageHash, r, s, recId).filter(expected::equals).isPresent()) {
          return Secp256k1Curve.signatureBytes(r, s, recId);
        }
      }
      throw new IllegalStateException("no recovery id reproduces the signing key");
    } catch (Throwable e) {
      throw rethrow(e);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static Bytes uncompressed(byte[] sec1) {
    if (sec1.length != PublicKey.SIZE + 1 || sec1[0] != 0x04) {
      throw new IllegalStateException(
          "expected an uncompressed SEC1 key, got " + sec1.length + " bytes");
    }
    return Bytes.wrap(sec1, 1, PublicKey.SIZE);
  }

  private static RuntimeException rethrow(Throwable e) {
    if (e instanceof RuntimeException runtime) {
      return runtime;
    }
    if (e instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("native secp256k1 failed", e);
  }

  @Override
  public String name() {
    return "native";
  }

  @Override
  public String toString() {
    return name();
  }
}

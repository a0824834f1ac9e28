package org.ailedger.node.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** The native and BouncyCastle implementations are interchangeable. */
class Secp256k1PropertiesTest {
  private final Secp256k1 nativeImpl = NativeSecp256k1.load();
  private final Secp256k1 bouncyCastle = new BouncyCastleSecp256k1();

  @Property(tries = 200)
  void bothImplementationsRecoverTheSameKeyFromEitherSignature(
      @ForAll("privateKeys") PrivateKey key, @ForAll("hashes") Bytes32 message) {
    Bytes expected = KeyPair.of(key).publicKey().bytes();
    for (Secp256k1 signer : new Secp256k1[] {nativeImpl, bouncyCastle}) {
      Bytes signature = signer.sign(message, key);
      BigInteger r = Secp256k1Test.r(signature);
      BigInteger s = Secp256k1Test.s(signature);
      int recId = signature.get(64);

      assertThat(s).as("low s from " + signer).isLessThanOrEqualTo(Secp256k1.HALF_CURVE_ORDER);
      assertThat(nativeImpl.recoverPublicKey(message, r, s, recId)).contains(expected);
      assertThat(bouncyCastle.recoverPublicKey(message, r, s, recId)).contains(expected);
    }
  }

  @Property(tries = 200)
  void bothImplementationsAgreeOnArbitrarySignatureValues(
      @ForAll("hashes") Bytes32 message,
      @ForAll("hashes") Bytes32 r,
      @ForAll("hashes") Bytes32 s,
      @ForAll boolean odd) {
    int recId = odd ? 1 : 0;
    BigInteger rValue = r.toUnsignedBigInteger();
    BigInteger sValue = s.toUnsignedBigInteger();
    assertThat(nativeImpl.recoverPublicKey(message, rValue, sValue, recId))
        .isEqualTo(bouncyCastle.recoverPublicKey(message, rValue, sValue, recId));
  }

  @Provide
  Arbitrary<PrivateKey> privateKeys() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ONE, Secp256k1.CURVE_ORDER.subtract(BigInteger.ONE))
        .map(PrivateKey::of);
  }

  @Provide
  Arbitrary<Bytes32> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes32::wrap);
  }
}

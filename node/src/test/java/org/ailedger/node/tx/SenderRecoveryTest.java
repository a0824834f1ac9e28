package org.ailedger.node.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.NativeSecp256k1;
import org.ailedger.node.crypto.PrivateKey;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SenderRecoveryTest {
  private static final long CHAIN_ID = 1337;
  private static final KeyPair KEYS = KeyPair.of(PrivateKey.of(BigInteger.valueOf(0xC0FFEE)));
  private static final BigInteger N = Secp256k1.CURVE_ORDER;
  private static final UnsignedTransaction UNSIGNED =
      UnsignedTransaction.eip1559(
          3,
          UInt256.ONE,
          UInt256.valueOf(10),
          21_000,
          Address.of(0x1003),
          UInt256.ZERO,
          Bytes.EMPTY,
          List.of());

  static Stream<Secp256k1> implementations() {
    return Stream.of(NativeSecp256k1.load(), new BouncyCastleSecp256k1());
  }

  private static Transaction signed(Secp256k1 secp256k1) {
    return new TransactionSigner(secp256k1).sign(UNSIGNED, CHAIN_ID, KEYS);
  }

  private static TransactionRejection rejection(Secp256k1 secp256k1, Signature signature) {
    RecoveryResult result =
        new SenderRecovery(secp256k1).recover(UNSIGNED.withSignature(CHAIN_ID, signature));
    assertThat(result).isInstanceOf(RecoveryResult.Invalid.class);
    TransactionRejection rejection = ((RecoveryResult.Invalid) result).rejection();
    assertThat(rejection.reason()).isEqualTo(RejectionReason.INVALID_SIGNATURE);
    return rejection;
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void recoversTheSigner(Secp256k1 secp256k1) {
    assertThat(new SenderRecovery(secp256k1).recover(signed(secp256k1)))
        .isEqualTo(new RecoveryResult.Recovered(KEYS.address()));
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void alteredTransactionRecoversSomeoneElse(Secp256k1 secp256k1) {
    Signature signature = signed(secp256k1).signature();
    UnsignedTransaction higherNonce =
        UnsignedTransaction.eip1559(
            4,
            UInt256.ONE,
            UInt256.valueOf(10),
            21_000,
            Address.of(0x1003),
            UInt256.ZERO,
            Bytes.EMPTY,
            List.of());
    RecoveryResult result =
        new SenderRecovery(secp256k1).recover(higherNonce.withSignature(CHAIN_ID, signature));
    assertThat(result)
        .isInstanceOf(RecoveryResult.Recovered.class)
        .isNotEqualTo(new RecoveryResult.Recovered(KEYS.address()));
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void zeroROrSIsRejected(Secp256k1 secp256k1) {
    Signature valid = signed(secp256k1).signature();
    assertThat(rejection(secp256k1, new Signature(BigInteger.ZERO, valid.s(), 0)).message())
        .contains("r is 0");
    assertThat(rejection(secp256k1, new Signature(valid.r(), BigInteger.ZERO, 0)).message())
        .contains("s is 0");
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void rOrSAtOrAboveTheGroupOrderIsRejected(Secp256k1 secp256k1) {
    Signature valid = signed(secp256k1).signature();
    assertThat(rejection(secp256k1, new Signature(N, valid.s(), 0)).message())
        .contains("r is not below the secp256k1 group order");
    // r + n is the same point's x coordinate in some encodings; it must still be refused
    assertThat(rejection(secp256k1, new Signature(valid.r().add(N), valid.s(), 0)).message())
        .contains("r is not below");
    assertThat(rejection(secp256k1, new Signature(valid.r(), N, 0)).message())
        .contains("s is not below");
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void highSTwinOfAValidSignatureIsRejected(Secp256k1 secp256k1) {
    // (r, n - s) with the other parity is mathematically valid for the same key; EIP-2 forbids it
    Signature valid = signed(secp256k1).signature();
    Signature twin = new Signature(valid.r(), N.subtract(valid.s()), 1 - valid.recId());
    assertThat(rejection(secp256k1, twin).message()).contains("s is above n/2");
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void sOfExactlyHalfTheOrderIsAccepted(Secp256k1 secp256k1) {
    Signature valid = signed(secp256k1).signature();
    RecoveryResult result =
        new SenderRecovery(secp256k1)
            .recover(
                UNSIGNED.withSignature(
                    CHAIN_ID, new Signature(valid.r(), Secp256k1.HALF_CURVE_ORDER, 0)));
    assertThat(result).isInstanceOf(RecoveryResult.Recovered.class);
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void rThatIsNoCurvePointIsRejected(Secp256k1 secp256k1) {
    // no point of secp256k1 has x = 5
    Signature signature = new Signature(BigInteger.valueOf(5), BigInteger.ONE, 0);
    assertThat(rejection(secp256k1, signature).message())
        .contains("does not recover to a public key");
  }
}

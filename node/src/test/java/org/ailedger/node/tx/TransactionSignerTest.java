package org.ailedger.node.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.NativeSecp256k1;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;

class TransactionSignerTest {
  private static final long CHAIN_ID = 1337;
  private static final KeyPair KEYS =
      KeyPair.fromMnemonic("test test test test test test test test test test test junk", 2);
  private static final Address TO = Address.of(0x1001);
  private static final Bytes DATA = Bytes.fromHexString("0xa9059cbb00000000000000000000000000ff");

  static Stream<Secp256k1> implementations() {
    return Stream.of(NativeSecp256k1.load(), new BouncyCastleSecp256k1());
  }

  static List<UnsignedTransaction> everyType() {
    AccessListEntry entry =
        new AccessListEntry(TO, List.of(Bytes32.ZERO, Bytes32.fromHexString("0x01")));
    return List.of(
        UnsignedTransaction.legacy(
            7, UInt256.valueOf(1_000_000_000L), 60_000, TO, UInt256.valueOf(5), DATA),
        UnsignedTransaction.accessList(
            8, UInt256.ZERO, 60_000, TO, UInt256.ZERO, DATA, List.of(entry)),
        UnsignedTransaction.eip1559(
            9,
            UInt256.valueOf(2),
            UInt256.valueOf(3_000_000_000L),
            60_000,
            TO,
            UInt256.ONE,
            DATA,
            List.of(entry)));
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void everyTypeSurvivesSignEncodeDecodeRecover(Secp256k1 secp256k1) {
    TransactionSigner signer = new TransactionSigner(secp256k1);
    SenderRecovery recovery = new SenderRecovery(secp256k1);
    for (UnsignedTransaction unsigned : everyType()) {
      Transaction signed = signer.sign(unsigned, CHAIN_ID, KEYS);

      DecodeResult decoded = TransactionDecoder.decode(signed.encoded());
      assertThat(decoded).as(unsigned.type().name()).isInstanceOf(DecodeResult.Decoded.class);
      Transaction tx = ((DecodeResult.Decoded) decoded).transaction();
      assertThat(tx.hash()).isEqualTo(signed.hash());
      assertThat(tx.type()).isEqualTo(unsigned.type());
      assertThat(tx.chainId()).hasValue(CHAIN_ID);
      assertThat(tx.data()).isEqualTo(DATA);
      assertThat(tx.accessList()).isEqualTo(unsigned.accessList());
      assertThat(recovery.recover(tx)).isEqualTo(new RecoveryResult.Recovered(KEYS.address()));
      assertThat(tx.signature().s()).isLessThanOrEqualTo(Secp256k1.HALF_CURVE_ORDER);
    }
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void legacySignatureFromWeb3jDecodesToTheSameHashAndSender(Secp256k1 secp256k1) {
    RawTransaction raw =
        RawTransaction.createTransaction(
            BigInteger.valueOf(7),
            BigInteger.valueOf(1_000_000_000L),
            BigInteger.valueOf(60_000),
            TO.toHexString(),
            BigInteger.valueOf(5),
            DATA.toHexString());
    Bytes web3jBytes =
        Bytes.wrap(org.web3j.crypto.TransactionEncoder.signMessage(raw, CHAIN_ID, credentials()));

    Transaction tx = decode(web3jBytes);
    assertThat(tx.type()).isEqualTo(TransactionType.LEGACY);
    assertThat(tx.chainId()).hasValue(CHAIN_ID);
    assertThat(tx.hash()).isEqualTo(Bytes32.wrap(Hash.sha3(web3jBytes.toArrayUnsafe())));
    assertThat(new SenderRecovery(secp256k1).recover(tx))
        .isEqualTo(new RecoveryResult.Recovered(KEYS.address()));
    // both sign deterministically (RFC 6979), so the same fields give the same bytes
    assertThat(new TransactionSigner(secp256k1).sign(everyType().get(0), CHAIN_ID, KEYS).encoded())
        .isEqualTo(web3jBytes);
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void eip1559SignatureFromWeb3jDecodesToTheSameHashAndSender(Secp256k1 secp256k1) {
    RawTransaction raw =
        RawTransaction.createTransaction(
            CHAIN_ID,
            BigInteger.valueOf(9),
            BigInteger.valueOf(60_000),
            TO.toHexString(),
            BigInteger.ONE,
            DATA.toHexString(),
            BigInteger.valueOf(2),
            BigInteger.valueOf(3_000_000_000L));
    Bytes web3jBytes =
        Bytes.wrap(org.web3j.crypto.TransactionEncoder.signMessage(raw, credentials()));

    Transaction tx = decode(web3jBytes);
    assertThat(tx.type()).isEqualTo(TransactionType.EIP1559);
    assertThat(tx.hash()).isEqualTo(Bytes32.wrap(Hash.sha3(web3jBytes.toArrayUnsafe())));
    assertThat(new SenderRecovery(secp256k1).recover(tx))
        .isEqualTo(new RecoveryResult.Recovered(KEYS.address()));
    UnsignedTransaction same =
        UnsignedTransaction.eip1559(
            9,
            UInt256.valueOf(2),
            UInt256.valueOf(3_000_000_000L),
            60_000,
            TO,
            UInt256.ONE,
            DATA,
            List.of());
    assertThat(new TransactionSigner(secp256k1).sign(same, CHAIN_ID, KEYS).encoded())
        .isEqualTo(web3jBytes);
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void signatureCommitsToTheChainId(Secp256k1 secp256k1) {
    TransactionSigner signer = new TransactionSigner(secp256k1);
    for (UnsignedTransaction unsigned : everyType()) {
      Transaction onOtherChain = signer.sign(unsigned, 1, KEYS);
      Transaction replayed = unsigned.withSignature(CHAIN_ID, onOtherChain.signature());
      assertThat(new SenderRecovery(secp256k1).recover(replayed))
          .as(unsigned.type().name())
          .isNotEqualTo(new RecoveryResult.Recovered(KEYS.address()));
    }
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void legacyChainIdMustLeaveRoomInV(Secp256k1 secp256k1) {
    TransactionSigner signer = new TransactionSigner(secp256k1);
    UnsignedTransaction legacy = everyType().get(0);
    Transaction largest = signer.sign(legacy, TransactionSigner.MAX_LEGACY_CHAIN_ID, KEYS);
    assertThat(decode(largest.encoded()).chainId()).hasValue(TransactionSigner.MAX_LEGACY_CHAIN_ID);
    assertThatThrownBy(() -> signer.sign(legacy, TransactionSigner.MAX_LEGACY_CHAIN_ID + 1, KEYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large for a legacy transaction");
  }

  private static Transaction decode(Bytes raw) {
    DecodeResult decoded = TransactionDecoder.decode(raw);
    assertThat(decoded).isInstanceOf(DecodeResult.Decoded.class);
    return ((DecodeResult.Decoded) decoded).transaction();
  }

  private static Credentials credentials() {
    return Credentials.create(KEYS.privateKey().bytes().toHexString());
  }
}

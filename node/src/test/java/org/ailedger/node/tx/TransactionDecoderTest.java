package org.ailedger.node.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PrivateKey;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class TransactionDecoderTest {
  private static final Address TO = Address.fromHex("0x0000000000000000000000000000000000001001");
  private static final String R = "0x" + "11".repeat(32);
  private static final String S = "0x" + "22".repeat(32);

  // ---- helpers: envelopes built item by item, so single fields can be made wrong ----

  /** RLP of a byte string given as hex. */
  private static Bytes value(String hex) {
    return RLP.encodeValue(Bytes.fromHexString(hex));
  }

  private static Bytes list(List<Bytes> encodedItems) {
    return RLP.encodeList(w -> encodedItems.forEach(w::writeRLP));
  }

  /** Items of a legacy transaction: nonce, gasPrice, gasLimit, to, value, data, v, r, s. */
  private static List<Bytes> legacyItems(String v) {
    return new ArrayList<>(
        List.of(
            value("0x01"),
            value("0x3b9aca00"),
            value("0x5208"),
            value(TO.toHexString()),
            value("0x"),
            value("0x"),
            value(v),
            value(R),
            value(S)));
  }

  /** Items of an EIP-1559 transaction, with an access list of one address and one key. */
  private static List<Bytes> eip1559Items() {
    Bytes entry =
        list(List.of(value(TO.toHexString()), list(List.of(value("0x" + "ab".repeat(32))))));
    return new ArrayList<>(
        List.of(
            value("0x0539"),
            value("0x01"),
            value("0x"),
            value("0x3b9aca00"),
            value("0x5208"),
            value(TO.toHexString()),
            value("0x"),
            value("0x"),
            list(List.of(entry)),
            value("0x01"),
            value(R),
            value(S)));
  }

  private static Bytes typed(int type, List<Bytes> items) {
    return Bytes.concatenate(Bytes.of(type), list(items));
  }

  private static Transaction decoded(Bytes raw) {
    DecodeResult result = TransactionDecoder.decode(raw);
    assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
    return ((DecodeResult.Decoded) result).transaction();
  }

  private static TransactionRejection rejected(Bytes raw) {
    DecodeResult result = TransactionDecoder.decode(raw);
    assertThat(result).isInstanceOf(DecodeResult.Invalid.class);
    return ((DecodeResult.Invalid) result).rejection();
  }

  private static void assertRejected(Bytes raw, RejectionReason reason, String... messageParts) {
    TransactionRejection rejection = rejected(raw);
    assertThat(rejection.reason()).as(rejection.message()).isEqualTo(reason);
    assertThat(rejection.message()).contains(messageParts);
  }

  // ---- well-formed envelopes ----

  @Test
  void legacyEnvelopeDecodesEveryField() {
    Transaction tx = decoded(list(legacyItems("0x25")));
    assertThat(tx.type()).isEqualTo(TransactionType.LEGACY);
    assertThat(tx.nonce()).isEqualTo(1);
    assertThat(tx.gasPrice()).isEqualTo(UInt256.valueOf(1_000_000_000L));
    assertThat(tx.gasLimit()).isEqualTo(21_000);
    assertThat(tx.to()).contains(TO);
    assertThat(tx.value()).isEqualTo(UInt256.ZERO);
    assertThat(tx.data()).isEqualTo(Bytes.EMPTY);
    assertThat(tx.signature().r()).isEqualTo(new BigInteger("11".repeat(32), 16));
    assertThat(tx.signature().s()).isEqualTo(new BigInteger("22".repeat(32), 16));
  }

  @Test
  void eip1559EnvelopeDecodesFeesAndAccessList() {
    Transaction tx = decoded(typed(2, eip1559Items()));
    assertThat(tx.type()).isEqualTo(TransactionType.EIP1559);
    assertThat(tx.chainId()).hasValue(1337);
    assertThat(tx.maxPriorityFeePerGas()).isEqualTo(UInt256.ZERO);
    assertThat(tx.maxFeePerGas()).isEqualTo(UInt256.valueOf(1_000_000_000L));
    assertThat(tx.accessList())
        .containsExactly(
            new AccessListEntry(TO, List.of(Bytes32.fromHexString("0x" + "ab".repeat(32)))));
    assertThat(tx.signature().recId()).isEqualTo(1);
  }

  @Test
  void preEip155VHasNoChainId() {
    Transaction v27 = decoded(list(legacyItems("0x1b")));
    Transaction v28 = decoded(list(legacyItems("0x1c")));
    assertThat(v27.chainId()).isEmpty();
    assertThat(v27.signature().recId()).isZero();
    assertThat(v28.signature().recId()).isEqualTo(1);
  }

  @Test
  void eip155VCarriesChainIdAndParity() {
    Transaction v37 = decoded(list(legacyItems("0x25")));
    Transaction v2710 = decoded(list(legacyItems("0x0a96"))); // 1337*2 + 36
    assertThat(v37.chainId()).hasValue(1);
    assertThat(v37.signature().recId()).isZero();
    assertThat(v2710.chainId()).hasValue(1337);
    assertThat(v2710.signature().recId()).isEqualTo(1);
  }

  @Test
  void largestEightByteVDecodes() {
    // 2^64 - 1 = chainId*2 + 35 with parity 0; the same chain id with parity 1 would need 65 bits,
    // which is why the signer stops one chain id lower.
    Transaction tx = decoded(list(legacyItems("0xffffffffffffffff")));
    assertThat(tx.chainId()).hasValue(TransactionSigner.MAX_LEGACY_CHAIN_ID + 1);
    assertThat(tx.signature().recId()).isZero();
    Transaction parityOne = decoded(list(legacyItems("0xfffffffffffffffe")));
    assertThat(parityOne.chainId()).hasValue(TransactionSigner.MAX_LEGACY_CHAIN_ID);
    assertThat(parityOne.signature().recId()).isEqualTo(1);
  }

  @Test
  void emptyToDecodesAsContractCreation() {
    List<Bytes> items = legacyItems("0x25");
    items.set(3, value("0x"));
    assertThat(decoded(list(items)).to()).isEmpty();
  }

  @Test
  void envelopeExactlyAtTheSizeLimitIsDecoded() {
    TransactionSigner signer = new TransactionSigner(new BouncyCastleSecp256k1());
    KeyPair keys = KeyPair.of(PrivateKey.of(BigInteger.valueOf(99)));
    // probe with data long enough that the RLP length prefixes already have their final width
    int probe = 100_000;
    int overhead = sign(signer, keys, probe).encoded().size() - probe;
    Transaction atLimit = sign(signer, keys, TransactionDecoder.MAX_ENCODED_SIZE - overhead);
    assertThat(atLimit.encoded().size()).isEqualTo(TransactionDecoder.MAX_ENCODED_SIZE);
    assertThat(decoded(atLimit.encoded())).isEqualTo(atLimit);
  }

  private static Transaction sign(TransactionSigner signer, KeyPair keys, int dataSize) {
    return signer.sign(
        UnsignedTransaction.eip1559(
            0,
            UInt256.ZERO,
            UInt256.ZERO,
            30_000_000,
            TO,
            UInt256.ZERO,
            Bytes.wrap(new byte[dataSize]),
            List.of()),
        1337,
        keys);
  }

  // ---- OVERSIZED, UNSUPPORTED_TYPE and the envelope shape ----

  @Test
  void envelopeAboveTheSizeLimitIsOversized() {
    Bytes raw = Bytes.wrap(new byte[TransactionDecoder.MAX_ENCODED_SIZE + 1]);
    assertRejected(raw, RejectionReason.OVERSIZED, "131073 bytes", "limit is 131072");
  }

  @Test
  void unknownTypeByteIsUnsupported() {
    assertRejected(typed(3, eip1559Items()), RejectionReason.UNSUPPORTED_TYPE, "type 0x03");
    assertRejected(typed(0x7f, eip1559Items()), RejectionReason.UNSUPPORTED_TYPE, "type 0x7f");
    assertRejected(typed(0, eip1559Items()), RejectionReason.UNSUPPORTED_TYPE, "type 0x00");
  }

  @Test
  void emptyInputIsMalformed() {
    assertRejected(Bytes.EMPTY, RejectionReason.MALFORMED, "empty");
  }

  @Test
  void rlpStringIsNotATransaction() {
    assertRejected(value("0x0102030405"), RejectionReason.MALFORMED, "first byte 0x85");
  }

  @Test
  void typedPayloadMustBeAList() {
    assertRejected(Bytes.fromHexString("0x0280"), RejectionReason.MALFORMED, "must be an RLP list");
    assertRejected(Bytes.fromHexString("0x02"), RejectionReason.MALFORMED, "must be an RLP list");
  }

  @Test
  void bytesAfterTheListAreMalformed() {
    Bytes raw = Bytes.concatenate(list(legacyItems("0x25")), Bytes.of(0));
    assertRejected(raw, RejectionReason.MALFORMED, "unexpected bytes after the legacy transaction");
  }

  @Test
  void truncatedEnvelopeIsMalformed() {
    Bytes full = typed(2, eip1559Items());
    assertThat(rejected(full.slice(0, full.size() - 1)).reason())
        .isEqualTo(RejectionReason.MALFORMED);
  }

  @Test
  void extraFieldIsMalformed() {
    List<Bytes> items = legacyItems("0x25");
    items.add(value("0x01"));
    assertRejected(
        list(items),
        RejectionReason.MALFORMED,
        "legacy transaction has more items than its fields");
  }

  @Test
  void missingFieldIsMalformed() {
    List<Bytes> items = eip1559Items();
    items.remove(items.size() - 1);
    assertRejected(
        typed(2, items), RejectionReason.MALFORMED, "EIP-1559 transaction ends before its field s");
  }

  // ---- integers ----

  @Test
  void integerWithLeadingZeroIsMalformed() {
    List<Bytes> items = legacyItems("0x25");
    items.set(0, value("0x0001"));
    assertRejected(
        list(items), RejectionReason.MALFORMED, "nonce of the legacy transaction", "leading zero");
  }

  @Test
  void zeroWrittenAsByte00IsMalformed() {
    List<Bytes> items = eip1559Items();
    items.set(6, Bytes.of(0)); // value
    assertRejected(
        typed(2, items),
        RejectionReason.MALFORMED,
        "value of the EIP-1559 transaction",
        "leading zero");
  }

  @Test
  void singleByteInLongFormIsMalformed() {
    List<Bytes> items = legacyItems("0x25");
    items.set(0, Bytes.fromHexString("0x8101")); // 0x01 must be encoded as itself
    assertRejected(list(items), RejectionReason.MALFORMED, "nonce of the legacy transaction");
  }

  @Test
  void valueAbove256BitsIsMalformed() {
    List<Bytes> items = legacyItems("0x25");
    items.set(4, value("0x01" + "00".repeat(32)));
    assertRejected(
        list(items), RejectionReason.MALFORMED, "value of the legacy transaction has 33 bytes");
  }

  @Test
  void feeAbove256BitsIsMalformed() {
    List<Bytes> items = eip1559Items();
    items.set(2, value("0x01" + "00".repeat(32)));
    assertRejected(typed(2, items), RejectionReason.MALFORMED, "maxPriorityFeePerGas", "33 bytes");
  }

  @Test
  void nonceAbove64BitsIsMalformed() {
    List<Bytes> items = legacyItems("0x25");
    items.set(0, value("0x010000000000000000"));
    assertRejected(list(items), RejectionReason.MALFORMED, "nonce", "9 bytes");
  }

  @Test
  void nonceBeyondAnyAccountIsTooHigh() {
    List<Bytes> items = legacyItems("0x25");
    items.set(0, value("0xffffffffffffffff"));
    assertRejected(list(items), RejectionReason.NONCE_TOO_HIGH, "18446744073709551615");
  }

  @Test
  void gasLimitBeyondAnyBlockExceedsTheBlockGasLimit() {
    List<Bytes> items = eip1559Items();
    items.set(4, value("0x8000000000000000"));
    assertRejected(typed(2, items), RejectionReason.EXCEEDS_BLOCK_GAS_LIMIT, "9223372036854775808");
    items.set(4, value("0x010000000000000000"));
    assertRejected(typed(2, items), RejectionReason.MALFORMED, "gasLimit", "9 bytes");
  }

  @Test
  void chainIdThatDoesNotFitIsMalformed() {
    List<Bytes> items = eip1559Items();
    items.set(0, value("0x8000000000000000"));
    assertRejected(typed(2, items), RejectionReason.MALFORMED, "chainId 9223372036854775808");
    items.set(0, value("0x010000000000000000"));
    assertRejected(typed(2, items), RejectionReason.MALFORMED, "chainId", "9 bytes");
  }

  // ---- addresses, data and access lists ----

  @Test
  void toOfWrongLengthIsMalformed() {
    List<Bytes> items = legacyItems("0x25");
    items.set(3, value("0x" + "aa".repeat(19)));
    assertRejected(list(items), RejectionReason.MALFORMED, "to has 19 bytes");
    items.set(3, value("0x" + "aa".repeat(21)));
    assertRejected(list(items), RejectionReason.MALFORMED, "to has 21 bytes");
  }

  @Test
  void listWhereBytesBelongIsMalformed() {
    List<Bytes> items = legacyItems("0x25");
    items.set(5, list(List.of()));
    assertRejected(
        list(items),
        RejectionReason.MALFORMED,
        "data of the legacy transaction must be a byte string");
  }

  @Test
  void accessListThatIsNoListIsMalformed() {
    List<Bytes> items = eip1559Items();
    items.set(8, value("0x01"));
    assertRejected(
        typed(2, items),
        RejectionReason.MALFORMED,
        "accessList of the EIP-1559 transaction must be a list");
  }

  @Test
  void accessListEntryWithWrongShapeIsMalformed() {
    List<Bytes> items = eip1559Items();
    items.set(8, list(List.of(value(TO.toHexString()))));
    assertRejected(typed(2, items), RejectionReason.MALFORMED, "accessList[0] must be a list");
    Bytes threeItems = list(List.of(value(TO.toHexString()), list(List.of()), value("0x01")));
    items.set(8, list(List.of(threeItems)));
    assertRejected(
        typed(2, items), RejectionReason.MALFORMED, "accessList[0] has more items than its fields");
  }

  @Test
  void accessListAddressMustHave20Bytes() {
    List<Bytes> items = eip1559Items();
    Bytes entry = list(List.of(value("0x" + "aa".repeat(19)), list(List.of())));
    items.set(8, list(List.of(list(List.of(value(TO.toHexString()), list(List.of()))), entry)));
    assertRejected(
        typed(2, items), RejectionReason.MALFORMED, "address of accessList[1] has 19 bytes");
  }

  @Test
  void storageKeyMustHave32Bytes() {
    List<Bytes> items = eip1559Items();
    Bytes keys = list(List.of(value("0x" + "ab".repeat(32)), value("0x" + "ab".repeat(31))));
    items.set(8, list(List.of(list(List.of(value(TO.toHexString()), keys)))));
    assertRejected(
        typed(2, items), RejectionReason.MALFORMED, "storageKeys[1] of accessList[0] has 31 bytes");
  }

  // ---- signature values ----

  @Test
  void vThatIsNeitherPreNorPostEip155IsAnInvalidSignature() {
    for (String v : List.of("0x", "0x1a", "0x1d", "0x22")) { // 0, 26, 29, 34
      assertRejected(
          list(legacyItems(v)),
          RejectionReason.INVALID_SIGNATURE,
          "v of the legacy transaction is");
    }
  }

  @Test
  void vWiderThan64BitsIsAnInvalidSignature() {
    assertRejected(
        list(legacyItems("0x01000000000000001b")),
        RejectionReason.INVALID_SIGNATURE,
        "v",
        "9 bytes");
  }

  @Test
  void yParityOtherThanZeroOrOneIsAnInvalidSignature() {
    List<Bytes> items = eip1559Items();
    items.set(9, value("0x02"));
    assertRejected(typed(2, items), RejectionReason.INVALID_SIGNATURE, "yParity", "must be 0 or 1");
  }

  @Test
  void signatureScalarWiderThan32BytesIsAnInvalidSignature() {
    List<Bytes> items = eip1559Items();
    items.set(10, value("0x01" + "00".repeat(32)));
    assertRejected(
        typed(2, items),
        RejectionReason.INVALID_SIGNATURE,
        "r of the EIP-1559 transaction has 33 bytes");
  }
}

package org.ailedger.node.consensus.qbft.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;
import org.junit.jupiter.api.Test;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

/**
 * Byte layouts from Besu's qbft-core: {@code payload/PreparePayload, CommitPayload,
 * RoundChangePayload, ProposalPayload, PreparedRoundMetadata} (round written by {@code
 * QbftPayload#writeConsensusRound} as longScalar height, intScalar round; signing hash by {@code
 * QbftPayload#hashForSignature}), {@code messagewrappers/RoundChange, Proposal} and common's {@code
 * SignedData#writeTo}. The expected hex is written out by hand from those layouts; only the
 * deterministic signature bytes are spliced in.
 */
class QbftMessageCodecTest {
  private final List<KeyPair> keys = QbftFixtures.validatorKeys(4);
  private final KeyPair key = keys.get(0);
  private final MessageFactory factory = new MessageFactory(key, QbftFixtures.SECP);
  private final QbftMessageCodec codec = new QbftMessageCodec(QbftFixtures.SECP);
  private final BlockHeader genesis = QbftFixtures.genesis(QbftFixtures.addresses(keys));
  private final Block block = QbftFixtures.proposal(genesis, 0, key.address());

  @Test
  void prepareIsHeightRoundDigestSignedOverCodeAndPayload() {
    Bytes32 digest = Bytes32.fromHexString("0x" + "11".repeat(32));
    Prepare prepare = factory.prepare(new RoundId(1, 0), digest);
    String sig = prepare.signed().signature().toUnprefixedHexString();

    // payload [0x01, 0x80 (round 0), digest]: 1 + 1 + 33 = 35 = 0x23 bytes of content
    String payload = "e3" + "01" + "80" + "a0" + "11".repeat(32);
    // [payload, sig]: 36 + (2 + 65) = 103 = 0x67
    assertThat(prepare.encode().toUnprefixedHexString()).isEqualTo("f867" + payload + "b841" + sig);
    // keccak([0x13, payload]): 1 + 36 = 37 = 0x25
    assertThat(SignedPayload.signingHash(MessageCodes.PREPARE, Bytes.fromHexString(payload)))
        .isEqualTo(Keccak.hash(Bytes.fromHexString("e5" + "13" + payload)));

    Prepare decoded = (Prepare) decoded(MessageCodes.PREPARE, prepare.encode());
    assertThat(decoded.signed().payload()).isEqualTo(prepare.signed().payload());
    assertThat(decoded.author()).contains(key.address());
    assertThat(decoded.encode()).isEqualTo(prepare.encode());
  }

  @Test
  void commitCarriesDigestAndSealAfterTheRound() {
    Block proposed = QbftFixtures.proposal(genesis, 2, key.address());
    Commit commit = factory.commit(new RoundId(1, 2), proposed);
    String digest = proposed.header().committedSealHash().toUnprefixedHexString();
    String seal = commit.signed().payload().commitSeal().toUnprefixedHexString();
    String sig = commit.signed().signature().toUnprefixedHexString();

    // payload [1, 2, digest, seal]: 1 + 1 + 33 + 67 = 102 = 0x66, long list form
    String payload = "f866" + "01" + "02" + "a0" + digest + "b841" + seal;
    // [payload, sig]: 104 + 67 = 171 = 0xab
    assertThat(commit.encode().toUnprefixedHexString()).isEqualTo("f8ab" + payload + "b841" + sig);

    Commit decoded = (Commit) decoded(MessageCodes.COMMIT, commit.encode());
    assertThat(decoded.signed().payload()).isEqualTo(commit.signed().payload());
    assertThat(decoded.author()).contains(key.address());
  }

  @Test
  void roundChangeWithoutPreparedBlockHasEmptyMetadataAndAnEmptyBlockSlot() {
    RoundChange change = factory.roundChange(new RoundId(5, 2), Optional.empty());
    String sig = change.signed().signature().toUnprefixedHexString();

    String payload = "c3" + "05" + "02" + "c0"; // [5, 2, []]
    String signed = "f847" + payload + "b841" + sig; // 4 + 67 = 71 = 0x47
    // [signed, [] (no block), [] (no prepares)]: 73 + 1 + 1 = 75 = 0x4b
    assertThat(change.encode().toUnprefixedHexString()).isEqualTo("f84b" + signed + "c0" + "c0");

    RoundChange decoded = (RoundChange) decoded(MessageCodes.ROUND_CHANGE, change.encode());
    assertThat(decoded).isEqualTo(change);
  }

  @Test
  void roundChangeOfBesu26Point1WithANullAccessListSlotDecodesToTheSameMessage() {
    RoundChange change = factory.roundChange(new RoundId(5, 2), Optional.empty());
    String signed = change.signed().encode().toUnprefixedHexString();
    // Besu 26.1's shape: [signed, block or [], BAL or 0x80, prepares]: 73 + 3 = 76 = 0x4c
    Bytes fourItems = Bytes.fromHexString("f84c" + signed + "c0" + "80" + "c0");

    RoundChange decoded = (RoundChange) decoded(MessageCodes.ROUND_CHANGE, fourItems);

    assertThat(decoded).isEqualTo(change);
    assertThat(decoded.author()).contains(key.address());
    // re-encoded in the three-item shape every Besu version reads
    assertThat(decoded.encode()).isEqualTo(change.encode());
  }

  @Test
  void preparedRoundChangeCarriesMetadataBlockAndPreparesCrossCheckedWithWeb3j() {
    Block prepared = QbftFixtures.proposal(genesis, 1, key.address());
    Bytes32 hash = prepared.header().committedSealHash();
    List<SignedPayload<PreparePayload>> prepares =
        keys.subList(0, 3).stream()
            .map(
                k ->
                    new MessageFactory(k, QbftFixtures.SECP)
                        .prepare(new RoundId(1, 1), hash)
                        .signed())
            .toList();
    RoundChange change =
        factory.roundChange(
            new RoundId(1, 2), Optional.of(new PreparedCertificate(prepared, prepares, 1)));

    // payload [1, 2, [1, hash]]: metadata 1 + 33 = 34 = 0x22, payload 1 + 1 + 35 = 37 = 0x25
    String payload = "e5" + "01" + "02" + "e2" + "01" + "a0" + hash.toUnprefixedHexString();
    assertThat(change.signed().encodedPayload().toUnprefixedHexString()).isEqualTo(payload);

    RlpType expected =
        new RlpList(
            signedWeb3j(change.signed()),
            parsed(prepared.encode()),
            new RlpList(prepares.stream().map(QbftMessageCodecTest::signedWeb3j).toList()));
    assertThat(change.encode()).isEqualTo(Bytes.wrap(RlpEncoder.encode(expected)));

    RoundChange decoded = (RoundChange) decoded(MessageCodes.ROUND_CHANGE, change.encode());
    assertThat(decoded).isEqualTo(change);
    assertThat(decoded.prepares())
        .extracting(p -> p.author().orElseThrow())
        .containsExactlyElementsOf(QbftFixtures.addresses(keys.subList(0, 3)));
    assertThat(decoded.preparedCertificate())
        .contains(new PreparedCertificate(prepared, prepares, 1));
  }

  @Test
  void roundZeroProposalIsHeightRoundBlockWithAnEmptyCertificate() {
    Proposal proposal = factory.proposal(new RoundId(1, 0), block, RoundChangeCertificate.EMPTY);
    String blockHex = block.encode().toUnprefixedHexString();
    String sig = proposal.signed().signature().toUnprefixedHexString();

    String payloadContent = "01" + "80" + blockHex;
    String payload = listPrefix(payloadContent.length() / 2) + payloadContent;
    String signedContent = payload + "b841" + sig;
    String signed = listPrefix(signedContent.length() / 2) + signedContent;
    String messageContent = signed + "c2c0c0"; // [[round changes], [prepares]], both empty
    assertThat(proposal.encode().toUnprefixedHexString())
        .isEqualTo(listPrefix(messageContent.length() / 2) + messageContent);

    Proposal decoded = (Proposal) decoded(MessageCodes.PROPOSAL, proposal.encode());
    assertThat(decoded).isEqualTo(proposal);
    assertThat(decoded.author()).contains(key.address());
  }

  @Test
  void fourItemProposalPayloadIsVerifiedOverTheBytesReceivedAndKeptForGossip() {
    Bytes fourItems =
        RLP.encodeList(
            w -> {
              w.writeLong(1);
              w.writeInt(0);
              w.writeRLP(block.encode());
              w.writeRLP(Bytes.of(0x80)); // Besu 26.1: no block access list
            });
    Bytes signature =
        QbftFixtures.SECP.sign(
            SignedPayload.signingHash(MessageCodes.PROPOSAL, fourItems), key.privateKey());
    Bytes message = proposalMessage(fourItems, signature);

    Proposal decoded = (Proposal) decoded(MessageCodes.PROPOSAL, message);

    assertThat(decoded.author()).contains(key.address());
    assertThat(decoded.block()).isEqualTo(block);
    assertThat(decoded.signed().encodedPayload()).isEqualTo(fourItems);
    assertThat(decoded.encode()).isEqualTo(message);

    // the three-item signature does not cover the four-item shape
    Bytes threeItemSignature =
        factory
            .proposal(new RoundId(1, 0), block, RoundChangeCertificate.EMPTY)
            .signed()
            .signature();
    Proposal mismatched =
        (Proposal) decoded(MessageCodes.PROPOSAL, proposalMessage(fourItems, threeItemSignature));
    assertThat(mismatched.author()).isNotEqualTo(Optional.of(key.address()));
  }

  @Test
  void laterRoundProposalCarriesItsCertificateThroughARoundTrip() {
    Block block2 = QbftFixtures.proposal(genesis, 2, key.address());
    List<SignedPayload<RoundChangePayload>> changes =
        keys.stream()
            .map(
                k ->
                    new MessageFactory(k, QbftFixtures.SECP)
                        .roundChange(new RoundId(1, 2), Optional.empty())
                        .signed())
            .toList();
    Proposal proposal =
        factory.proposal(new RoundId(1, 2), block2, new RoundChangeCertificate(changes, List.of()));

    Proposal decoded = (Proposal) decoded(MessageCodes.PROPOSAL, proposal.encode());

    assertThat(decoded).isEqualTo(proposal);
    assertThat(decoded.certificate().roundChanges())
        .extracting(c -> c.author().orElseThrow())
        .containsExactlyElementsOf(QbftFixtures.addresses(keys));
  }

  @Test
  void highSSignatureDecodesWithoutAnAuthor() {
    Prepare prepare = factory.prepare(new RoundId(1, 0), Bytes32.ZERO);
    Bytes sig = prepare.signed().signature();
    // s' = n - s and the flipped recovery id recover the same key: the malleable twin
    Bytes highS =
        Bytes.concatenate(
            sig.slice(0, 32),
            Bytes32.leftPad(
                Bytes.wrap(
                        org.ailedger.node.crypto.Secp256k1.CURVE_ORDER
                            .subtract(sig.slice(32, 32).toUnsignedBigInteger())
                            .toByteArray())
                    .trimLeadingZeros()),
            Bytes.of(sig.get(64) ^ 1));
    Bytes twin =
        RLP.encodeList(
            w -> {
              w.writeRLP(prepare.signed().encodedPayload());
              w.writeValue(highS);
            });

    Prepare decoded = (Prepare) decoded(MessageCodes.PREPARE, twin);

    assertThat(decoded.author()).isEmpty();
  }

  @Test
  void malformedPeerBytesComeBackAsReasonsNotExceptions() {
    Prepare prepare = factory.prepare(new RoundId(1, 0), Bytes32.ZERO);
    Bytes sig = prepare.signed().signature();

    assertFailure(0x11, prepare.encode(), DecodeFailure.UNKNOWN_CODE);
    assertFailure(MessageCodes.PREPARE, Bytes.EMPTY, DecodeFailure.MALFORMED_RLP);
    assertFailure(
        MessageCodes.PREPARE,
        Bytes.concatenate(prepare.encode(), Bytes.of(0)),
        DecodeFailure.MALFORMED_RLP);
    assertFailure(MessageCodes.PREPARE, prepare.encode().slice(0, 50), DecodeFailure.MALFORMED_RLP);
    // a byte below 0x80 written with a length prefix
    assertFailure(MessageCodes.PREPARE, Bytes.fromHexString("0x8101"), DecodeFailure.MALFORMED_RLP);
    assertFailure(
        MessageCodes.PREPARE,
        signedOf(
            w -> {
              w.writeValue(Bytes.fromHexString("0x0001")); // leading zero
              w.writeInt(0);
              w.writeValue(Bytes32.ZERO);
            },
            sig),
        DecodeFailure.BAD_FIELD);
    assertFailure(
        MessageCodes.PREPARE,
        signedOf(
            w -> {
              w.writeLong(1);
              w.writeLong(1L << 31); // beyond an int round
              w.writeValue(Bytes32.ZERO);
            },
            sig),
        DecodeFailure.BAD_FIELD);
    assertFailure(
        MessageCodes.PREPARE,
        RLP.encodeList(
            w -> {
              w.writeRLP(prepare.signed().encodedPayload());
              w.writeValue(sig.slice(0, 64));
            }),
        DecodeFailure.BAD_FIELD);
    assertFailure(
        MessageCodes.PREPARE,
        signedOf(
            w -> {
              w.writeLong(1);
              w.writeInt(0);
              w.writeValue(Bytes32.ZERO);
              w.writeInt(9);
            },
            sig),
        DecodeFailure.WRONG_SHAPE);
    assertFailure(MessageCodes.COMMIT, prepare.encode(), DecodeFailure.WRONG_SHAPE);

    RoundChange change = factory.roundChange(new RoundId(5, 2), Optional.empty());
    Bytes withAccessList =
        RLP.encodeList(
            w -> {
              w.writeRLP(change.signed().encode());
              w.writeList(l -> {});
              w.writeList(l -> l.writeInt(1)); // a non-null block access list
              w.writeList(l -> {});
            });
    assertFailure(
        MessageCodes.ROUND_CHANGE, withAccessList, DecodeFailure.UNSUPPORTED_BLOCK_ACCESS_LIST);

    Bytes garbageBlock =
        RLP.encodeList(
            w -> {
              w.writeLong(1);
              w.writeInt(0);
              w.writeList(l -> l.writeInt(7));
            });
    assertFailure(
        MessageCodes.PROPOSAL, proposalMessage(garbageBlock, sig), DecodeFailure.MALFORMED_BLOCK);
    assertFailure(
        MessageCodes.PREPARE,
        Bytes.wrap(new byte[QbftMessageCodec.MAX_MESSAGE_BYTES + 1]),
        DecodeFailure.OVERSIZED);
  }

  @Test
  void corruptedPeerBytesNeverThrow() {
    Block withTransactions =
        new Block(
            block.header(),
            List.of(QbftFixtures.legacyTransaction(0), QbftFixtures.eip1559Transaction(1)));
    Block prepared = QbftFixtures.proposal(genesis, 1, key.address());
    List<Bytes> messages =
        List.of(
            factory
                .proposal(new RoundId(1, 0), withTransactions, RoundChangeCertificate.EMPTY)
                .encode(),
            factory
                .roundChange(
                    new RoundId(1, 2),
                    Optional.of(
                        new PreparedCertificate(
                            prepared,
                            List.of(
                                factory
                                    .prepare(
                                        new RoundId(1, 1), prepared.header().committedSealHash())
                                    .signed()),
                            1)))
                .encode(),
            factory.commit(new RoundId(1, 0), block).encode());
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 3000; i++) {
      byte[] bytes = messages.get(i % messages.size()).toArray();
      switch (i % 3) {
        case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        case 1 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
        default -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      for (int code = MessageCodes.PROPOSAL; code <= MessageCodes.ROUND_CHANGE; code++) {
        assertThat(codec.decode(code, Bytes.wrap(bytes))).isNotNull();
      }
    }
  }

  private QbftMessage decoded(int code, Bytes data) {
    MessageDecoding result = codec.decode(code, data);
    assertThat(result).isInstanceOf(MessageDecoding.Decoded.class);
    return ((MessageDecoding.Decoded) result).message();
  }

  private void assertFailure(int code, Bytes data, DecodeFailure reason) {
    assertThat(codec.decode(code, data))
        .isInstanceOfSatisfying(
            MessageDecoding.Malformed.class, m -> assertThat(m.reason()).isEqualTo(reason));
  }

  private static Bytes signedOf(
      java.util.function.Consumer<org.apache.tuweni.rlp.RLPWriter> payload, Bytes sig) {
    return RLP.encodeList(
        w -> {
          w.writeList(payload);
          w.writeValue(sig);
        });
  }

  private static Bytes proposalMessage(Bytes payload, Bytes signature) {
    return RLP.encodeList(
        w -> {
          w.writeList(
              s -> {
                s.writeRLP(payload);
                s.writeValue(signature);
              });
          w.writeList(
              c -> {
                c.writeList(l -> {});
                c.writeList(l -> {});
              });
        });
  }

  /** The RLP list prefix for {@code length} bytes of content, short or long form. */
  private static String listPrefix(int length) {
    if (length <= 55) {
      return String.format("%02x", 0xc0 + length);
    }
    String len = Integer.toHexString(length);
    if (len.length() % 2 == 1) {
      len = "0" + len;
    }
    return String.format("%02x", 0xf7 + len.length() / 2) + len;
  }

  private static RlpType signedWeb3j(SignedPayload<?> signed) {
    return new RlpList(
        parsed(signed.encodedPayload()), RlpString.create(signed.signature().toArrayUnsafe()));
  }

  private static RlpType parsed(Bytes encoded) {
    return RlpDecoder.decode(encoded.toArrayUnsafe()).getValues().get(0);
  }
}

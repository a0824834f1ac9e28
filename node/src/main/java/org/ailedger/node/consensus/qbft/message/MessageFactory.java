package org.ailedger.node.consensus.qbft.message;

import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Creates this validator's signed messages, always in the three-item (pre-26.1) shapes. */
public final class MessageFactory {
  private final KeyPair key;
  private final Secp256k1 secp256k1;

  public MessageFactory(KeyPair key, Secp256k1 secp256k1) {
    this.key = key;
    this.secp256k1 = secp256k1;
  }

  public Address address() {
    return key.address();
  }

  public <P extends Payload> SignedPayload<P> sign(P payload) {
    Bytes encoded = payload.encode();
    Bytes signature =
        secp256k1.sign(SignedPayload.signingHash(payload.code(), encoded), key.privateKey());
    return new SignedPayload<>(payload, encoded, signature, Optional.of(key.address()));
  }

  public Proposal proposal(RoundId roundId, Block block, RoundChangeCertificate certificate) {
    return new Proposal(sign(new ProposalPayload(roundId, block)), certificate);
  }

  public Prepare prepare(RoundId roundId, Bytes32 digest) {
    return new Prepare(sign(new PreparePayload(roundId, digest)));
  }

  /** A commit for {@code proposed} in {@code roundId}, sealing its header with that round. */
  public Commit commit(RoundId roundId, Block proposed) {
    BlockHeader header = proposed.header();
    return new Commit(
        sign(
            new CommitPayload(
                roundId, header.committedSealHash(), commitSeal(header, roundId.round()))));
  }

  /** The seal over {@code header} as committed in {@code round}. */
  public Bytes commitSeal(BlockHeader header, int round) {
    return secp256k1.sign(header.committedSealHash(round), key.privateKey());
  }

  public RoundChange roundChange(RoundId roundId, Optional<PreparedCertificate> prepared) {
    SignedPayload<RoundChangePayload> signed =
        sign(new RoundChangePayload(roundId, prepared.map(PreparedCertificate::metadata)));
    return new RoundChange(
        signed,
        prepared.map(PreparedCertificate::block),
        prepared.map(PreparedCertificate::prepares).orElse(List.of()));
  }
}

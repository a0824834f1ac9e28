package org.ailedger.node.consensus.qbft.message;

import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;

/**
 * A ROUND_CHANGE message: {@code [signedPayload, preparedBlock or [], [signedPrepare…]]}. Besu 26.1
 * to 26.4 insert a block-access-list slot before the prepares; that shape is decoded, this one is
 * written. The block and prepares are not signed; validation ties them to the signed metadata.
 */
public record RoundChange(
    SignedPayload<RoundChangePayload> signed,
    Optional<Block> preparedBlock,
    List<SignedPayload<PreparePayload>> prepares)
    implements QbftMessage {
  public RoundChange {
    if (signed == null || preparedBlock == null || prepares == null) {
      throw new IllegalArgumentException("round change fields must not be null");
    }
    prepares = List.copyOf(prepares);
  }

  public Optional<PreparedRoundMetadata> preparedMetadata() {
    return signed.payload().prepared();
  }

  /** The prepared certificate this round change carries, when it names one and has its block. */
  public Optional<PreparedCertificate> preparedCertificate() {
    return preparedMetadata()
        .flatMap(
            m ->
                preparedBlock.map(
                    block -> new PreparedCertificate(block, prepares, m.preparedRound())));
  }

  @Override
  public Bytes encode() {
    return RLP.encodeList(
        w -> {
          w.writeRLP(signed.encode());
          preparedBlock.ifPresentOrElse(b -> w.writeRLP(b.encode()), () -> w.writeList(l -> {}));
          w.writeList(prepares, (pw, p) -> pw.writeRLP(p.encode()));
        });
  }
}

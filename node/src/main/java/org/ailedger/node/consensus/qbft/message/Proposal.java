package org.ailedger.node.consensus.qbft.message;

import org.ailedger.node.block.Block;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;

/**
 * A PROPOSAL message: {@code [signedPayload, [[signedRoundChange…], [signedPrepare…]]]}. A round-0
 * proposal carries an empty certificate.
 */
public record Proposal(SignedPayload<ProposalPayload> signed, RoundChangeCertificate certificate)
    implements QbftMessage {
  public Proposal {
    if (signed == null || certificate == null) {
      throw new IllegalArgumentException("proposal fields must not be null");
    }
  }

  public Block block() {
    return signed.payload().block();
  }

  @Override
  public Bytes encode() {
    return RLP.encodeList(
        w -> {
          w.writeRLP(signed.encode());
          w.writeList(
              c -> {
                c.writeList(certificate.roundChanges(), (rw, rc) -> rw.writeRLP(rc.encode()));
                c.writeList(certificate.prepares(), (pw, p) -> pw.writeRLP(p.encode()));
              });
        });
  }
}

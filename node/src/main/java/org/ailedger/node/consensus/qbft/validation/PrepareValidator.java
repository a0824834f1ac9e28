package org.ailedger.node.consensus.qbft.validation;

import org.ailedger.node.consensus.qbft.message.PreparePayload;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.consensus.qbft.message.SignedPayload;
import org.apache.tuweni.bytes.Bytes32;

/** A PREPARE is by a validator, for the expected round, naming the proposal's digest. */
public final class PrepareValidator {
  private final HeightContext context;

  public PrepareValidator(HeightContext context) {
    this.context = context;
  }

  /**
   * @param round the round the prepare must be for: the current one, or a certificate's prepared
   *     round
   * @param digest the committed-seal hash of the block prepared in that round
   */
  public Verdict validate(SignedPayload<PreparePayload> signed, RoundId round, Bytes32 digest) {
    Verdict authorship = Authorship.check(signed, context, 0);
    if (!authorship.isValid()) {
      return authorship;
    }
    if (!signed.roundId().equals(round)) {
      return Verdict.invalid(
          Reason.WRONG_ROUND, "prepare for " + signed.roundId() + ", expected " + round);
    }
    if (!signed.payload().digest().equals(digest)) {
      return Verdict.invalid(
          Reason.DIGEST_MISMATCH, "prepare names " + signed.payload().digest() + ", not " + digest);
    }
    return authorship;
  }
}

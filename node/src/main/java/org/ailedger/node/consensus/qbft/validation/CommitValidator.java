package org.ailedger.node.consensus.qbft.validation;

import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.consensus.qbft.CommitSeals;
import org.ailedger.node.consensus.qbft.message.CommitPayload;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.consensus.qbft.message.SignedPayload;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A COMMIT is by a validator, for the expected round, names the proposal's digest, and carries the
 * author's own seal over the proposed header with the commit round: the seal goes into the block,
 * so one signed by anyone else, or over another header, would make the block unimportable.
 */
public final class CommitValidator {
  private final HeightContext context;
  private final CommitSeals seals;

  public CommitValidator(HeightContext context, CommitSeals seals) {
    this.context = context;
    this.seals = seals;
  }

  public Verdict validate(SignedPayload<CommitPayload> signed, RoundId round, Block proposed) {
    Verdict authorship = Authorship.check(signed, context, 0);
    if (!(authorship instanceof Verdict.Valid valid)) {
      return authorship;
    }
    if (!signed.roundId().equals(round)) {
      return Verdict.invalid(
          Reason.WRONG_ROUND, "commit for " + signed.roundId() + ", expected " + round);
    }
    Bytes32 digest = proposed.header().committedSealHash();
    if (!signed.payload().digest().equals(digest)) {
      return Verdict.invalid(
          Reason.DIGEST_MISMATCH, "commit names " + signed.payload().digest() + ", not " + digest);
    }
    Bytes32 sealed = proposed.header().committedSealHash(round.round());
    Optional<Address> sealer = seals.signer(sealed, signed.payload().commitSeal());
    if (sealer.isEmpty()) {
      return Verdict.invalid(Reason.COMMIT_SEAL_INVALID, "commit seal is malformed or high-s");
    }
    if (!sealer.get().equals(valid.author())) {
      return Verdict.invalid(
          Reason.COMMIT_SEAL_NOT_BY_AUTHOR,
          "commit seal recovers to " + sealer.get() + ", not the author " + valid.author());
    }
    return authorship;
  }
}

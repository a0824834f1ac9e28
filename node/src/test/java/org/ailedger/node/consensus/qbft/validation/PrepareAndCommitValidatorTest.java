package org.ailedger.node.consensus.qbft.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.consensus.qbft.CommitSeals;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.consensus.qbft.message.CommitPayload;
import org.ailedger.node.consensus.qbft.message.PreparePayload;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.consensus.qbft.message.SignedPayload;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class PrepareAndCommitValidatorTest {
  private final ValidationFixture f = new ValidationFixture();
  private final PrepareValidator prepares = new PrepareValidator(f.context);
  private final CommitValidator commits =
      new CommitValidator(f.context, new CommitSeals(QbftFixtures.SECP));
  private final RoundId round1 = new RoundId(1, 1);
  private final Block proposed = f.block(1, 1);
  private final Bytes32 digest = proposed.header().committedSealHash();

  @Test
  void prepareByAValidatorForTheRoundAndDigestIsValid() {
    assertThat(prepares.validate(prepare(2, round1, digest), round1, digest))
        .isEqualTo(new Verdict.Valid(f.address(2)));
  }

  @Test
  void prepareRejections() {
    SignedPayload<PreparePayload> good = prepare(2, round1, digest);
    SignedPayload<PreparePayload> unsigned =
        new SignedPayload<>(
            good.payload(), good.encodedPayload(), good.signature(), Optional.empty());
    SignedPayload<PreparePayload> byOutsider = f.outsiderFactory().prepare(round1, digest).signed();

    assertReason(prepares.validate(unsigned, round1, digest), Reason.BAD_SIGNATURE);
    assertReason(prepares.validate(byOutsider, round1, digest), Reason.AUTHOR_NOT_VALIDATOR);
    assertReason(
        prepares.validate(prepare(2, new RoundId(2, 1), digest), round1, digest),
        Reason.WRONG_HEIGHT);
    assertReason(
        prepares.validate(prepare(2, new RoundId(1, 1001), digest), round1, digest),
        Reason.ROUND_OUT_OF_RANGE);
    assertReason(
        prepares.validate(prepare(2, new RoundId(1, 0), digest), round1, digest),
        Reason.WRONG_ROUND);
    assertReason(
        prepares.validate(prepare(2, round1, Bytes32.ZERO), round1, digest),
        Reason.DIGEST_MISMATCH);
  }

  @Test
  void commitWithTheAuthorsSealOverTheCommitRoundIsValid() {
    SignedPayload<CommitPayload> commit = f.factory(3).commit(round1, proposed).signed();

    assertThat(commits.validate(commit, round1, proposed))
        .isEqualTo(new Verdict.Valid(f.address(3)));
  }

  @Test
  void commitRejections() {
    SignedPayload<CommitPayload> good = f.factory(3).commit(round1, proposed).signed();
    SignedPayload<CommitPayload> unsigned =
        new SignedPayload<>(
            good.payload(), good.encodedPayload(), good.signature(), Optional.empty());
    Bytes otherSigner = f.factory(0).commitSeal(proposed.header(), 1);
    Bytes otherRound = f.factory(3).commitSeal(proposed.header(), 0);
    Bytes zeroSeal = Bytes.wrap(new byte[65]);

    assertReason(commits.validate(unsigned, round1, proposed), Reason.BAD_SIGNATURE);
    assertReason(
        commits.validate(f.outsiderFactory().commit(round1, proposed).signed(), round1, proposed),
        Reason.AUTHOR_NOT_VALIDATOR);
    assertReason(
        commits.validate(
            commit(3, new RoundId(2, 1), digest, good.payload().commitSeal()), round1, proposed),
        Reason.WRONG_HEIGHT);
    assertReason(
        commits.validate(commit(3, new RoundId(1, 5000), digest, otherRound), round1, proposed),
        Reason.ROUND_OUT_OF_RANGE);
    assertReason(
        commits.validate(commit(3, new RoundId(1, 2), digest, otherRound), round1, proposed),
        Reason.WRONG_ROUND);
    assertReason(
        commits.validate(commit(3, round1, Bytes32.ZERO, otherRound), round1, proposed),
        Reason.DIGEST_MISMATCH);
    assertReason(
        commits.validate(commit(3, round1, digest, zeroSeal), round1, proposed),
        Reason.COMMIT_SEAL_INVALID);
    assertReason(
        commits.validate(commit(3, round1, digest, otherSigner), round1, proposed),
        Reason.COMMIT_SEAL_NOT_BY_AUTHOR);
    // a seal over the header with another round is a seal over another hash
    assertReason(
        commits.validate(commit(3, round1, digest, otherRound), round1, proposed),
        Reason.COMMIT_SEAL_NOT_BY_AUTHOR);
  }

  private SignedPayload<PreparePayload> prepare(int signer, RoundId round, Bytes32 d) {
    return f.factory(signer).prepare(round, d).signed();
  }

  private SignedPayload<CommitPayload> commit(int signer, RoundId round, Bytes32 d, Bytes seal) {
    return f.factory(signer).sign(new CommitPayload(round, d, seal));
  }

  static void assertReason(Verdict verdict, Reason reason) {
    assertThat(verdict)
        .isInstanceOfSatisfying(
            Verdict.Invalid.class, invalid -> assertThat(invalid.reason()).isEqualTo(reason));
  }
}

package org.ailedger.node.consensus.qbft.validation;

import static org.ailedger.node.consensus.qbft.validation.PrepareAndCommitValidatorTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.chain.BlockRejection;
import org.ailedger.node.consensus.qbft.message.PreparedCertificate;
import org.ailedger.node.consensus.qbft.message.PreparedRoundMetadata;
import org.ailedger.node.consensus.qbft.message.RoundChange;
import org.ailedger.node.consensus.qbft.message.RoundChangePayload;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class RoundChangeValidatorTest {
  private final ValidationFixture f = new ValidationFixture();
  private final RoundChangeValidator validator =
      new RoundChangeValidator(f.context, (block, parent) -> Optional.empty());
  private final Block preparedBlock = f.block(1, 1);

  @Test
  void roundChangeWithoutAPreparedBlockIsValid() {
    assertThat(validator.validate(f.roundChange(2, 2, Optional.empty())))
        .isEqualTo(new Verdict.Valid(f.address(2)));
  }

  @Test
  void roundChangeWithAQuorumOfPreparesForItsBlockIsValid() {
    PreparedCertificate cert = f.prepared(preparedBlock, 1, 0, 1, 3);

    assertThat(validator.validate(f.roundChange(2, 2, Optional.of(cert))).isValid()).isTrue();
  }

  @Test
  void payloadRejections() {
    assertReason(
        validator.validate(f.outsiderFactory().roundChange(new RoundId(1, 1), Optional.empty())),
        Reason.AUTHOR_NOT_VALIDATOR);
    assertReason(
        validator.validate(f.factory(0).roundChange(new RoundId(3, 1), Optional.empty())),
        Reason.WRONG_HEIGHT);
    assertReason(
        validator.validate(f.roundChange(0, 0, Optional.empty())), Reason.ROUND_OUT_OF_RANGE);
    assertReason(
        validator.validate(f.roundChange(0, 1001, Optional.empty())), Reason.ROUND_OUT_OF_RANGE);
    assertThat(validator.validate(f.roundChange(0, 1000, Optional.empty())).isValid()).isTrue();
    PreparedCertificate sameRound = f.prepared(preparedBlock, 1, 0, 1, 3);
    assertReason(
        validator.validate(f.roundChange(0, 1, Optional.of(sameRound))),
        Reason.PREPARED_ROUND_NOT_BELOW_TARGET);
  }

  @Test
  void preparedBlockMustMatchItsSignedMetadata() {
    PreparedCertificate cert = f.prepared(preparedBlock, 1, 0, 1, 3);
    RoundChange good = f.roundChange(2, 2, Optional.of(cert));
    RoundChange blockMissing = new RoundChange(good.signed(), Optional.empty(), cert.prepares());
    RoundChange noMetadata =
        new RoundChange(
            f.factory(2).sign(new RoundChangePayload(new RoundId(1, 2), Optional.empty())),
            Optional.of(preparedBlock),
            cert.prepares());
    RoundChange otherHash =
        new RoundChange(
            f.factory(2)
                .sign(
                    new RoundChangePayload(
                        new RoundId(1, 2),
                        Optional.of(new PreparedRoundMetadata(1, Bytes32.ZERO)))),
            Optional.of(preparedBlock),
            cert.prepares());

    assertReason(validator.validate(blockMissing), Reason.PREPARED_BLOCK_MISSING);
    assertReason(validator.validate(noMetadata), Reason.UNEXPECTED_PREPARED_BLOCK);
    assertReason(validator.validate(otherHash), Reason.PREPARED_BLOCK_MISMATCH);
  }

  @Test
  void preparesMustBeAQuorumOfDistinctValidPrepares() {
    assertReason(
        validator.validate(withPrepares(f.prepares(preparedBlock, 1, 0, 1))),
        Reason.INSUFFICIENT_PREPARES);
    assertReason(
        validator.validate(withPrepares(f.prepares(preparedBlock, 1, 0, 1, 1))),
        Reason.DUPLICATE_PREPARE);
    // prepares of round 0 do not justify a block prepared in round 1
    assertReason(
        validator.validate(withPrepares(f.prepares(preparedBlock, 0, 0, 1, 3))),
        Reason.INVALID_PREPARE);
  }

  @Test
  void preparedBlockMustPassTheBlockCheck() {
    RoundChangeValidator refusing =
        new RoundChangeValidator(
            f.context,
            (block, parent) ->
                Optional.of(
                    new BlockRejection(BlockRejection.Reason.STATE_ROOT_MISMATCH, "bad root")));
    PreparedCertificate cert = f.prepared(preparedBlock, 1, 0, 1, 3);

    assertReason(refusing.validate(f.roundChange(2, 2, Optional.of(cert))), Reason.BLOCK_INVALID);
  }

  private RoundChange withPrepares(
      List<
              org.ailedger.node.consensus.qbft.message.SignedPayload<
                  org.ailedger.node.consensus.qbft.message.PreparePayload>>
          prepares) {
    return f.roundChange(2, 2, Optional.of(new PreparedCertificate(preparedBlock, prepares, 1)));
  }
}

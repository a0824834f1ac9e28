package org.ailedger.node.consensus.qbft.validation;

import static org.ailedger.node.consensus.qbft.validation.PrepareAndCommitValidatorTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.chain.BlockRejection;
import org.ailedger.node.consensus.qbft.QbftFixtures;
import org.ailedger.node.consensus.qbft.message.PreparedCertificate;
import org.ailedger.node.consensus.qbft.message.Proposal;
import org.ailedger.node.consensus.qbft.message.RoundChangeCertificate;
import org.ailedger.node.consensus.qbft.message.RoundChangePayload;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.consensus.qbft.message.SignedPayload;
import org.junit.jupiter.api.Test;

class ProposalValidatorTest {
  private final ValidationFixture f = new ValidationFixture();
  private final ProposalValidator validator =
      new ProposalValidator(f.context, (block, parent) -> Optional.empty());

  @Test
  void roundZeroProposalByTheProposerWithItsOwnCoinbaseIsValid() {
    assertThat(validator.validate(roundZero(0, f.block(0, 0))))
        .isEqualTo(new Verdict.Valid(f.address(0)));
  }

  @Test
  void roundZeroRejections() {
    assertReason(validator.validate(roundZero(1, f.block(0, 1))), Reason.PROPOSER_MISMATCH);
    assertReason(validator.validate(roundZero(0, f.block(0, 2))), Reason.COINBASE_NOT_AUTHOR);
    Block atHeight2 = QbftFixtures.proposal(f.block(0, 0).header(), 0, f.address(0)); // number 2
    assertReason(validator.validate(roundZero(0, atHeight2)), Reason.BLOCK_NUMBER_MISMATCH);
    Proposal withCertificate =
        f.factory(0)
            .proposal(
                new RoundId(1, 0),
                f.block(0, 0),
                new RoundChangeCertificate(f.emptyRoundChanges(0, 1, 2, 3), List.of()));
    assertReason(validator.validate(withCertificate), Reason.ROUND_ZERO_WITH_CERTIFICATES);
    Proposal byOutsider =
        f.outsiderFactory()
            .proposal(new RoundId(1, 0), f.block(0, 0), RoundChangeCertificate.EMPTY);
    assertReason(validator.validate(byOutsider), Reason.AUTHOR_NOT_VALIDATOR);
    Proposal nextHeight =
        f.factory(0).proposal(new RoundId(2, 0), f.block(0, 0), RoundChangeCertificate.EMPTY);
    assertReason(validator.validate(nextHeight), Reason.WRONG_HEIGHT);
    Proposal round1001 =
        f.factory(1).proposal(new RoundId(1, 1001), f.block(0, 1), RoundChangeCertificate.EMPTY);
    assertReason(validator.validate(round1001), Reason.ROUND_OUT_OF_RANGE);
  }

  @Test
  void invalidBlockIsRefusedAfterTheCheapChecks() {
    ProposalValidator refusing =
        new ProposalValidator(
            f.context,
            (block, parent) ->
                Optional.of(new BlockRejection(BlockRejection.Reason.GAS_USED_MISMATCH, "gas")));

    assertReason(refusing.validate(roundZero(0, f.block(0, 0))), Reason.BLOCK_INVALID);
    assertReason(refusing.validate(roundZero(1, f.block(0, 1))), Reason.PROPOSER_MISMATCH);
  }

  @Test
  void freshBlockAtALaterRoundNeedsAQuorumOfRoundChangesForThatRound() {
    Block block = f.block(2, 2);

    assertThat(validator.validate(later(2, block, f.emptyRoundChanges(2, 0, 1, 3), List.of())))
        .isEqualTo(new Verdict.Valid(f.address(2)));
    assertReason(
        validator.validate(later(2, block, List.of(), List.of())),
        Reason.MISSING_ROUND_CHANGE_CERTIFICATE);
    assertReason(
        validator.validate(later(2, block, f.emptyRoundChanges(2, 0, 1), List.of())),
        Reason.INSUFFICIENT_ROUND_CHANGES);
    assertReason(
        validator.validate(later(2, block, f.emptyRoundChanges(2, 0, 1, 1), List.of())),
        Reason.DUPLICATE_ROUND_CHANGE);
    assertReason(
        validator.validate(later(2, block, f.emptyRoundChanges(1, 0, 1, 3), List.of())),
        Reason.INVALID_ROUND_CHANGE);
    List<SignedPayload<RoundChangePayload>> withOutsider =
        new ArrayList<>(f.emptyRoundChanges(2, 0, 1));
    withOutsider.add(f.outsiderFactory().roundChange(new RoundId(1, 2), Optional.empty()).signed());
    assertReason(
        validator.validate(later(2, block, withOutsider, List.of())), Reason.INVALID_ROUND_CHANGE);
    assertReason(
        validator.validate(
            later(2, block, f.emptyRoundChanges(2, 0, 1, 3), f.prepares(block, 1, 0, 1, 3))),
        Reason.PREPARES_WITHOUT_PREPARED_ROUND);
    assertReason(
        validator.validate(later(2, f.block(2, 0), f.emptyRoundChanges(2, 0, 1, 3), List.of())),
        Reason.COINBASE_NOT_AUTHOR);
  }

  @Test
  void reProposalOfThePreparedBlockKeepsItsCoinbaseAndCarriesItsPrepares() {
    Block prepared = f.block(1, 1);
    PreparedCertificate cert = f.prepared(prepared, 1, 0, 1, 3);
    Block reProposed = withRound(prepared, 2);

    Proposal proposal = later(2, reProposed, changesNaming(cert), cert.prepares());

    assertThat(validator.validate(proposal)).isEqualTo(new Verdict.Valid(f.address(2)));
  }

  @Test
  void reProposalRejections() {
    Block prepared = f.block(1, 1);
    PreparedCertificate cert = f.prepared(prepared, 1, 0, 1, 3);
    Block reProposed = withRound(prepared, 2);
    List<SignedPayload<RoundChangePayload>> changes = changesNaming(cert);

    // a fresh block where the highest round change names a prepared one
    assertReason(
        validator.validate(later(2, f.block(2, 2), changes, cert.prepares())),
        Reason.PREPARED_BLOCK_MISMATCH);
    assertReason(
        validator.validate(later(2, reProposed, changes, cert.prepares().subList(0, 2))),
        Reason.INSUFFICIENT_PREPARES);
    assertReason(
        validator.validate(later(2, reProposed, changes, f.prepares(prepared, 1, 0, 1, 1))),
        Reason.DUPLICATE_PREPARE);
    assertReason(
        validator.validate(later(2, reProposed, changes, f.prepares(prepared, 0, 0, 1, 3))),
        Reason.INVALID_PREPARE);

    // two round changes naming different blocks for the same prepared round
    Block otherBlock = f.block(1, 2);
    List<SignedPayload<RoundChangePayload>> inconsistent =
        List.of(
            f.emptyRoundChanges(2, 0).get(0),
            f.roundChange(1, 2, Optional.of(cert)).signed(),
            f.roundChange(3, 2, Optional.of(f.prepared(otherBlock, 1, 0, 1, 3))).signed());
    assertReason(
        validator.validate(later(2, reProposed, inconsistent, cert.prepares())),
        Reason.INCONSISTENT_PREPARED_METADATA);
  }

  private Proposal roundZero(int proposer, Block block) {
    return f.factory(proposer).proposal(new RoundId(1, 0), block, RoundChangeCertificate.EMPTY);
  }

  private Proposal later(
      int round,
      Block block,
      List<SignedPayload<RoundChangePayload>> changes,
      List<SignedPayload<org.ailedger.node.consensus.qbft.message.PreparePayload>> prepares) {
    return f.factory(round % 4)
        .proposal(new RoundId(1, round), block, new RoundChangeCertificate(changes, prepares));
  }

  /** Round changes for round 2 from validators 0, 1 and 3; only validator 3's names the cert. */
  private List<SignedPayload<RoundChangePayload>> changesNaming(PreparedCertificate cert) {
    List<SignedPayload<RoundChangePayload>> changes = new ArrayList<>(f.emptyRoundChanges(2, 0, 1));
    changes.add(f.roundChange(3, 2, Optional.of(cert)).signed());
    return changes;
  }

  private static Block withRound(Block block, int round) {
    QbftExtraData extra = block.header().qbftExtraData().withRound(round);
    return new Block(block.header().withExtraData(extra.encode()), block.transactions());
  }
}

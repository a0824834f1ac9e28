package org.ailedger.node.consensus.qbft.validation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.chain.BlockRejection;
import org.ailedger.node.consensus.qbft.message.PreparedRoundMetadata;
import org.ailedger.node.consensus.qbft.message.Proposal;
import org.ailedger.node.consensus.qbft.message.RoundChangeCertificate;
import org.ailedger.node.consensus.qbft.message.RoundChangePayload;
import org.ailedger.node.consensus.qbft.message.SignedPayload;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A PROPOSAL is by the round's proposer, for a block at this height, justified as its round
 * requires, and its block is valid on the parent. Round 0 carries no certificate and the proposer's
 * own coinbase. A later round carries a quorum of round changes from distinct validators for that
 * round; if any names a prepared block, the proposal must re-propose the one of the highest
 * prepared round (same block, round replaced) with a quorum of its prepares, else it is a fresh
 * block of the proposer's. The costly block check runs last.
 */
public final class ProposalValidator {
  private final HeightContext context;
  private final BlockValidity blocks;
  private final RoundChangeValidator roundChanges;

  public ProposalValidator(HeightContext context, BlockValidity blocks) {
    this.context = context;
    this.blocks = blocks;
    this.roundChanges = new RoundChangeValidator(context, blocks);
  }

  public Verdict validate(Proposal proposal) {
    Verdict authorship = Authorship.check(proposal.signed(), context, 0);
    if (!(authorship instanceof Verdict.Valid valid)) {
      return authorship;
    }
    Address author = valid.author();
    int round = proposal.roundId().round();
    Address proposer = context.proposer(round);
    if (!author.equals(proposer)) {
      return Verdict.invalid(
          Reason.PROPOSER_MISMATCH,
          "proposed by " + author + ", the proposer of round " + round + " is " + proposer);
    }
    Block block = proposal.block();
    if (block.number() != context.height()) {
      return Verdict.invalid(
          Reason.BLOCK_NUMBER_MISMATCH,
          "block " + block.number() + " proposed at height " + context.height());
    }
    Optional<Verdict> justification =
        round == 0 ? roundZeroFailure(proposal, author) : laterRoundFailure(proposal, author);
    if (justification.isPresent()) {
      return justification.get();
    }
    Optional<BlockRejection> rejection = blocks.check(block, context.parent());
    if (rejection.isPresent()) {
      return Verdict.invalid(Reason.BLOCK_INVALID, rejection.get().message());
    }
    return authorship;
  }

  private static Optional<Verdict> roundZeroFailure(Proposal proposal, Address author) {
    if (!proposal.certificate().isEmpty()) {
      return Optional.of(
          Verdict.invalid(
              Reason.ROUND_ZERO_WITH_CERTIFICATES, "a round-0 proposal carries certificates"));
    }
    return coinbaseFailure(proposal, author);
  }

  private Optional<Verdict> laterRoundFailure(Proposal proposal, Address author) {
    RoundChangeCertificate certificate = proposal.certificate();
    List<SignedPayload<RoundChangePayload>> changes = certificate.roundChanges();
    if (changes.isEmpty()) {
      return fail(
          Reason.MISSING_ROUND_CHANGE_CERTIFICATE,
          "round " + proposal.roundId().round() + " proposal without round changes");
    }
    if (Authorship.hasDuplicateAuthors(changes)) {
      return fail(Reason.DUPLICATE_ROUND_CHANGE, "two round changes by one author");
    }
    if (changes.size() < context.quorum()) {
      return fail(
          Reason.INSUFFICIENT_ROUND_CHANGES,
          changes.size() + " round changes, quorum is " + context.quorum());
    }
    if (!metadataConsistent(changes)) {
      return fail(Reason.INCONSISTENT_PREPARED_METADATA, "two blocks named for one prepared round");
    }
    for (SignedPayload<RoundChangePayload> change : changes) {
      if (roundChanges.validatePayload(change) instanceof Verdict.Invalid invalid) {
        return fail(Reason.INVALID_ROUND_CHANGE, invalid.reason() + ": " + invalid.detail());
      }
      if (!change.roundId().equals(proposal.roundId())) {
        return fail(
            Reason.INVALID_ROUND_CHANGE,
            "round change for " + change.roundId() + " justifies " + proposal.roundId());
      }
    }
    Optional<PreparedRoundMetadata> highest =
        changes.stream()
            .flatMap(c -> c.payload().prepared().stream())
            .max(Comparator.comparingInt(PreparedRoundMetadata::preparedRound));
    if (highest.isEmpty()) {
      if (!certificate.prepares().isEmpty()) {
        return fail(
            Reason.PREPARES_WITHOUT_PREPARED_ROUND, "prepares attached but nothing was prepared");
      }
      return coinbaseFailure(proposal, author);
    }
    PreparedRoundMetadata metadata = highest.get();
    // the prepared block carried its old round; with that round put back it must hash to the
    // prepared hash (Besu keeps the original proposer's coinbase when re-proposing)
    Bytes32 asPrepared = proposal.block().header().committedSealHash(metadata.preparedRound());
    if (!asPrepared.equals(metadata.preparedBlockHash())) {
      return fail(
          Reason.PREPARED_BLOCK_MISMATCH,
          "block in round "
              + metadata.preparedRound()
              + " hashes to "
              + asPrepared
              + ", the prepared block is "
              + metadata.preparedBlockHash());
    }
    return roundChanges.preparesFailure(certificate.prepares(), metadata);
  }

  /** Besu refuses certificates naming two different blocks for the same prepared round. */
  private static boolean metadataConsistent(List<SignedPayload<RoundChangePayload>> changes) {
    Map<Integer, Bytes32> byRound = new HashMap<>();
    for (SignedPayload<RoundChangePayload> change : changes) {
      Optional<PreparedRoundMetadata> m = change.payload().prepared();
      if (m.isPresent()) {
        Bytes32 previous =
            byRound.putIfAbsent(m.get().preparedRound(), m.get().preparedBlockHash());
        if (previous != null && !previous.equals(m.get().preparedBlockHash())) {
          return false;
        }
      }
    }
    return true;
  }

  private static Optional<Verdict> coinbaseFailure(Proposal proposal, Address author) {
    Address coinbase = proposal.block().header().coinbase();
    return coinbase.equals(author)
        ? Optional.empty()
        : fail(Reason.COINBASE_NOT_AUTHOR, "coinbase " + coinbase + " is not the author " + author);
  }

  private static Optional<Verdict> fail(Reason reason, String detail) {
    return Optional.of(Verdict.invalid(reason, detail));
  }
}

package org.ailedger.node.consensus.qbft.statemachine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.consensus.qbft.CommitSeals;
import org.ailedger.node.consensus.qbft.message.CommitPayload;
import org.ailedger.node.consensus.qbft.message.PreparePayload;
import org.ailedger.node.consensus.qbft.message.PreparedCertificate;
import org.ailedger.node.consensus.qbft.message.Proposal;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.consensus.qbft.message.SignedPayload;
import org.ailedger.node.consensus.qbft.validation.CommitValidator;
import org.ailedger.node.consensus.qbft.validation.HeightContext;
import org.ailedger.node.consensus.qbft.validation.PrepareValidator;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * What one round has seen: its proposal and one prepare and one commit per validator. Prepares and
 * commits that arrive before the proposal are held (one per validator, so bounded) and checked
 * against it once it comes, as Besu's RoundState does. Prepared and committed mean a proposal plus
 * a quorum of prepares, respectively commits.
 */
final class RoundState {
  private final RoundId roundId;
  private final HeightContext context;
  private final PrepareValidator prepareValidator;
  private final CommitValidator commitValidator;
  private Optional<Proposal> proposal = Optional.empty();
  private final Map<Address, SignedPayload<PreparePayload>> prepares = new LinkedHashMap<>();
  private final Map<Address, SignedPayload<CommitPayload>> commits = new LinkedHashMap<>();

  RoundState(RoundId roundId, HeightContext context, CommitSeals seals) {
    this.roundId = roundId;
    this.context = context;
    this.prepareValidator = new PrepareValidator(context);
    this.commitValidator = new CommitValidator(context, seals);
  }

  RoundId roundId() {
    return roundId;
  }

  Optional<Proposal> proposal() {
    return proposal;
  }

  Optional<Block> proposedBlock() {
    return proposal.map(Proposal::block);
  }

  /** Takes an already validated proposal if none is set; false when one already was. */
  boolean setProposal(Proposal validated) {
    if (proposal.isPresent()) {
      return false;
    }
    proposal = Optional.of(validated);
    prepares.values().removeIf(p -> !prepareValid(p));
    commits.values().removeIf(c -> !commitValid(c));
    return true;
  }

  /** Records the prepare if it may count; false when it is invalid for this round. */
  boolean addPrepare(SignedPayload<PreparePayload> prepare) {
    if (heldOrValid(prepare) && (proposal.isEmpty() || prepareValid(prepare))) {
      prepares.putIfAbsent(prepare.author().get(), prepare);
      return true;
    }
    return false;
  }

  /** Records the commit if it may count; false when it is invalid for this round. */
  boolean addCommit(SignedPayload<CommitPayload> commit) {
    if (heldOrValid(commit) && (proposal.isEmpty() || commitValid(commit))) {
      commits.putIfAbsent(commit.author().get(), commit);
      return true;
    }
    return false;
  }

  boolean isPrepared() {
    return proposal.isPresent() && prepares.size() >= context.quorum();
  }

  boolean isCommitted() {
    return proposal.isPresent() && commits.size() >= context.quorum();
  }

  List<Bytes> commitSeals() {
    return commits.values().stream().map(c -> c.payload().commitSeal()).toList();
  }

  Optional<PreparedCertificate> preparedCertificate() {
    if (!isPrepared()) {
      return Optional.empty();
    }
    return Optional.of(
        new PreparedCertificate(
            proposal.get().block(), List.copyOf(prepares.values()), roundId.round()));
  }

  /** Held before the proposal only when signed by a validator for this very round. */
  private boolean heldOrValid(SignedPayload<?> signed) {
    return signed.author().isPresent()
        && context.isValidator(signed.author().get())
        && signed.roundId().equals(roundId);
  }

  private boolean prepareValid(SignedPayload<PreparePayload> prepare) {
    return prepareValidator
        .validate(prepare, roundId, proposal.get().block().header().committedSealHash())
        .isValid();
  }

  private boolean commitValid(SignedPayload<CommitPayload> commit) {
    return commitValidator.validate(commit, roundId, proposal.get().block()).isValid();
  }
}

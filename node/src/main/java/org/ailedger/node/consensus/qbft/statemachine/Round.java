package org.ailedger.node.consensus.qbft.statemachine;

import java.util.Optional;
import java.util.Set;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.consensus.qbft.message.Commit;
import org.ailedger.node.consensus.qbft.message.Prepare;
import org.ailedger.node.consensus.qbft.message.PreparePayload;
import org.ailedger.node.consensus.qbft.message.PreparedCertificate;
import org.ailedger.node.consensus.qbft.message.Proposal;
import org.ailedger.node.consensus.qbft.message.QbftMessage;
import org.ailedger.node.consensus.qbft.message.RoundChangeCertificate;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.consensus.qbft.message.SignedPayload;
import org.ailedger.node.consensus.qbft.validation.HeightContext;
import org.ailedger.node.consensus.qbft.validation.ProposalValidator;
import org.ailedger.node.consensus.qbft.validation.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round at one height, as Besu's QbftRound runs it: a valid proposal is answered with a PREPARE
 * (this node's own commit is recorded at once but sent only once prepared); a quorum of prepares
 * sends the COMMIT; a quorum of commits seals the block with the commit seals and the round and
 * imports it. Starting a round starts its timer.
 */
final class Round {
  private static final Logger LOG = LoggerFactory.getLogger(Round.class);

  private final RoundState state;
  private final HeightContext context;
  private final ConsensusServices services;
  private final ProposalValidator proposals;
  private boolean imported;

  Round(
      RoundState state,
      HeightContext context,
      ConsensusServices services,
      ProposalValidator proposals) {
    this.state = state;
    this.context = context;
    this.services = services;
    this.proposals = proposals;
    services.timers().startRoundTimer(state.roundId());
  }

  RoundId roundId() {
    return state.roundId();
  }

  /** Sends this node's proposal and takes it as a peer's would be taken. */
  void propose(Block block, RoundChangeCertificate certificate) {
    Proposal proposal = services.messages().proposal(roundId(), block, certificate);
    send(proposal);
    onProposal(proposal);
  }

  /** Takes the proposal if valid; whether it was. */
  boolean onProposal(Proposal proposal) {
    Verdict verdict = proposals.validate(proposal);
    if (verdict instanceof Verdict.Invalid invalid) {
      LOG.debug("Ignored proposal for {}: {} {}", roundId(), invalid.reason(), invalid.detail());
      return false;
    }
    onValidatedProposal(proposal);
    return true;
  }

  void onValidatedProposal(Proposal proposal) {
    boolean wasPrepared = state.isPrepared();
    boolean wasCommitted = state.isCommitted();
    if (!state.setProposal(proposal)) {
      return;
    }
    Block block = proposal.block();
    Commit commit = services.messages().commit(roundId(), block);
    if (!wasPrepared && state.isPrepared()) {
      send(commit);
    }
    state.addCommit(commit.signed());
    if (!wasCommitted && state.isCommitted()) {
      importBlock();
    }
    Prepare prepare = services.messages().prepare(roundId(), block.header().committedSealHash());
    prepared(prepare.signed());
    send(prepare);
  }

  boolean onPrepare(Prepare prepare) {
    return prepared(prepare.signed());
  }

  boolean onCommit(Commit commit) {
    boolean wasCommitted = state.isCommitted();
    boolean counted = state.addCommit(commit.signed());
    if (!wasCommitted && state.isCommitted()) {
      importBlock();
    }
    return counted;
  }

  Optional<PreparedCertificate> preparedCertificate() {
    return state.preparedCertificate();
  }

  private boolean prepared(SignedPayload<PreparePayload> prepare) {
    boolean wasPrepared = state.isPrepared();
    boolean counted = state.addPrepare(prepare);
    if (!wasPrepared && state.isPrepared()) {
      send(services.messages().commit(roundId(), state.proposedBlock().orElseThrow()));
    }
    return counted;
  }

  private void importBlock() {
    if (imported) {
      return;
    }
    imported = true;
    Block proposed = state.proposedBlock().orElseThrow();
    QbftExtraData extra =
        proposed
            .header()
            .qbftExtraData()
            .withRound(roundId().round())
            .withSeals(state.commitSeals());
    Block sealed =
        new Block(proposed.header().withExtraData(extra.encode()), proposed.transactions());
    if (!services.importer().importCommitted(sealed)) {
      LOG.error("The chain refused block {} committed in round {}", sealed.number(), roundId());
    }
  }

  private void send(QbftMessage message) {
    services.gossip().send(context.validators(), message.code(), message.encode(), Set.of());
  }
}

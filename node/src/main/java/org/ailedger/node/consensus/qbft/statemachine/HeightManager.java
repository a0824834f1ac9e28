package org.ailedger.node.consensus.qbft.statemachine;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.consensus.qbft.message.Commit;
import org.ailedger.node.consensus.qbft.message.Prepare;
import org.ailedger.node.consensus.qbft.message.PreparePayload;
import org.ailedger.node.consensus.qbft.message.PreparedCertificate;
import org.ailedger.node.consensus.qbft.message.Proposal;
import org.ailedger.node.consensus.qbft.message.RoundChange;
import org.ailedger.node.consensus.qbft.message.RoundChangeCertificate;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.consensus.qbft.message.SignedPayload;
import org.ailedger.node.consensus.qbft.validation.HeightContext;
import org.ailedger.node.consensus.qbft.validation.ProposalValidator;
import org.ailedger.node.consensus.qbft.validation.RoundChangeValidator;
import org.ailedger.node.consensus.qbft.validation.Verdict;
import org.ailedger.types.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agreement on the block at one height, as Besu's QbftBlockHeightManager: round 0 starts when the
 * block timer fires (or a valid proposal or a round-change quorum arrives first); a round that
 * expires moves to the next with a ROUND_CHANGE carrying this node's latest prepared certificate; a
 * quorum of round changes for a round starts it, and its proposer proposes the block of the highest
 * prepared certificate among them (round replaced) or a fresh one. Messages for later rounds of
 * this height wait in their round's state. Confined to the consensus thread.
 */
final class HeightManager {
  private static final Logger LOG = LoggerFactory.getLogger(HeightManager.class);

  private final HeightContext context;
  private final ConsensusServices services;
  private final ProposalValidator proposals;
  private final RoundChangeValidator roundChanges;
  private final RoundChangeManager roundChangeQuorums;
  private final Map<Integer, RoundState> laterRounds = new HashMap<>();
  // volatile: the metrics thread reads the round through QbftController.round()
  private volatile Optional<Round> current = Optional.empty();
  private Optional<PreparedCertificate> latestPrepared = Optional.empty();
  private Optional<RoundChange> ownRoundChange = Optional.empty();

  HeightManager(HeightContext context, ConsensusServices services) {
    this.context = context;
    this.services = services;
    this.proposals = new ProposalValidator(context, services.blocks());
    this.roundChanges = new RoundChangeValidator(context, services.blocks());
    this.roundChangeQuorums = new RoundChangeManager(context.quorum());
  }

  HeightContext context() {
    return context;
  }

  long height() {
    return context.height();
  }

  void start() {
    services.timers().startBlockTimer(new RoundId(height(), 0), context.parent());
  }

  /** The current round, or -1 before round 0 started. */
  int currentRound() {
    return current.map(r -> r.roundId().round()).orElse(-1);
  }

  void onBlockTimer(RoundId roundId) {
    if (current.isPresent()) {
      return;
    }
    if (waitsForTransactions()) {
      LOG.debug("Nothing to include at height {} yet; looking again later", height());
      services.timers().startEmptyBlockTimer(roundId, context.parent());
      return;
    }
    startRound(0);
    if (isProposer(0)) {
      current.get().propose(build(0), RoundChangeCertificate.EMPTY);
    }
  }

  void onRoundTimer(RoundId roundId) {
    if (current.isPresent() && current.get().roundId().equals(roundId)) {
      changeRound(roundId.round() + 1);
    }
  }

  /*
   * Each handler answers whether the message is valid as far as this node can tell, which decides
   * whether it is gossiped on; a message for a round already left is not.
   */

  boolean onProposal(Proposal proposal) {
    int round = proposal.roundId().round();
    if (round < currentRound()) {
      return false;
    }
    if (round == currentRound()) {
      return current.get().onProposal(proposal);
    }
    Verdict verdict = proposals.validate(proposal);
    if (verdict instanceof Verdict.Invalid invalid) {
      LOG.debug(
          "Ignored proposal for {}: {} {}", proposal.roundId(), invalid.reason(), invalid.detail());
      return false;
    }
    startRound(round);
    current.get().onValidatedProposal(proposal);
    return true;
  }

  boolean onPrepare(Prepare prepare) {
    return route(prepare.roundId(), r -> r.onPrepare(prepare), s -> s.addPrepare(prepare.signed()));
  }

  boolean onCommit(Commit commit) {
    return route(commit.roundId(), r -> r.onCommit(commit), s -> s.addCommit(commit.signed()));
  }

  boolean onRoundChange(RoundChange change) {
    Verdict verdict = roundChanges.validate(change);
    if (verdict instanceof Verdict.Invalid invalid) {
      LOG.debug(
          "Ignored round change for {}: {} {}",
          change.roundId(),
          invalid.reason(),
          invalid.detail());
      return false;
    }
    onValidRoundChange(change);
    return true;
  }

  private void onValidRoundChange(RoundChange change) {
    int target = change.roundId().round();
    if (target < currentRound()) {
      return;
    }
    Optional<List<RoundChange>> quorum = roundChangeQuorums.add(change);
    if (quorum.isEmpty()) {
      if (target > currentRound()) {
        moveEarly();
      }
      return;
    }
    LOG.debug("Round-change quorum for {}", change.roundId());
    if (target > currentRound()) {
      startRound(target);
    }
    if (isProposer(target)) {
      proposeAfterRoundChange(target, quorum.get());
    }
  }

  /**
   * f+1 validators are in later rounds, so at least one honest one is: join them rather than step
   * through the rounds between on this node's own timers. Without this, validators that come back
   * after a long outage start at round 0 while the survivors sit in round r, whose timer lasts
   * requesttimeoutseconds × 2^r; each side keeps doubling on its own clock and they may not meet
   * for minutes (Besu #7642, where Besu's early round change is off by default).
   */
  private void moveEarly() {
    roundChangeQuorums
        .earlyRound(currentRound(), context.weakQuorum())
        .ifPresent(
            round -> {
              LOG.info(
                  "Validators are at round {} or above of height {}; moving there from round {}",
                  round,
                  height(),
                  currentRound());
              changeRound(round);
            });
  }

  /**
   * Sends this node's latest round change of this height again, to a validator that reconnected.
   */
  void resendRoundChange(Address validator) {
    ownRoundChange.ifPresent(own -> services.gossip().resend(validator, own.code(), own.encode()));
  }

  /** Moves to {@code round} with this node's own round change; refuses rounds above the cap. */
  private void changeRound(int round) {
    if (round > HeightContext.MAX_ROUND) {
      LOG.warn("Height {} reached round {}; no higher round is allowed", height(), currentRound());
      return;
    }
    current.flatMap(Round::preparedCertificate).ifPresent(c -> latestPrepared = Optional.of(c));
    startRound(round);
    RoundChange own = services.messages().roundChange(new RoundId(height(), round), latestPrepared);
    ownRoundChange = Optional.of(own);
    onValidRoundChange(own);
    services.gossip().send(context.validators(), own.code(), own.encode(), Set.of());
  }

  private void proposeAfterRoundChange(int round, List<RoundChange> quorum) {
    Optional<PreparedCertificate> best =
        quorum.stream()
            .flatMap(c -> c.preparedCertificate().stream())
            .max(Comparator.comparingInt(PreparedCertificate::round));
    List<SignedPayload<PreparePayload>> prepares =
        best.map(PreparedCertificate::prepares).orElse(List.of());
    // a prepared block is proposed again with only its round replaced; its coinbase stays, as
    // Besu's replaceRoundAndProposerForProposalBlock does for compatibility
    Block block = best.map(c -> withRound(c.block(), round)).orElseGet(() -> build(round));
    RoundChangeCertificate certificate =
        new RoundChangeCertificate(quorum.stream().map(RoundChange::signed).toList(), prepares);
    current.orElseThrow().propose(block, certificate);
  }

  private boolean route(RoundId roundId, Predicate<Round> now, Predicate<RoundState> later) {
    int round = roundId.round();
    if (round == currentRound()) {
      return now.test(current.get());
    }
    if (round > currentRound() && round <= HeightContext.MAX_ROUND) {
      return later.test(
          laterRounds.computeIfAbsent(
              round, r -> new RoundState(new RoundId(height(), r), context, services.seals())));
    }
    return false;
  }

  private void startRound(int round) {
    RoundState state = laterRounds.get(round);
    if (state == null) {
      state = new RoundState(new RoundId(height(), round), context, services.seals());
    }
    laterRounds.keySet().removeIf(r -> r <= round);
    current = Optional.of(new Round(state, context, services, proposals));
    roundChangeQuorums.discardRoundsBefore(round);
  }

  /**
   * Besu's empty-block period: until it has passed, no validator starts round 0 while its pool
   * holds nothing to include. The proposer would have nothing to propose, and the others must wait
   * with it, or their round timers would change the round under a proposer that is rightly waiting
   * (Besu #10917, fixed by #11031 in the same way). A proposal that arrives meanwhile still starts
   * the round. Besu decides on the block it builds; this node looks at its pool, which answers the
   * same but for a candidate that fails to execute, and costs nothing while the pool is empty.
   */
  private boolean waitsForTransactions() {
    long parentTimestamp = context.parent().timestamp();
    return services.clock().millis() < services.config().emptyBlockDueMillis(parentTimestamp)
        && !services.builder().hasCandidates(context.parent());
  }

  private boolean isProposer(int round) {
    return context.proposer(round).equals(services.messages().address());
  }

  private Block build(int round) {
    long now = services.clock().millis() / 1000;
    long earliest = context.parent().timestamp() + services.config().blockPeriodSeconds();
    return services.builder().build(context.parent(), round, Math.max(now, earliest));
  }

  private static Block withRound(Block block, int round) {
    QbftExtraData extra = block.header().qbftExtraData().withRound(round);
    return new Block(block.header().withExtraData(extra.encode()), block.transactions());
  }
}

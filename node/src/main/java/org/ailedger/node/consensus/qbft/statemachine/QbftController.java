package org.ailedger.node.consensus.qbft.statemachine;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.consensus.qbft.CommitSeals;
import org.ailedger.node.consensus.qbft.Scheduler;
import org.ailedger.node.consensus.qbft.message.Commit;
import org.ailedger.node.consensus.qbft.message.MessageDecoding;
import org.ailedger.node.consensus.qbft.message.MessageFactory;
import org.ailedger.node.consensus.qbft.message.Prepare;
import org.ailedger.node.consensus.qbft.message.Proposal;
import org.ailedger.node.consensus.qbft.message.QbftMessage;
import org.ailedger.node.consensus.qbft.message.QbftMessageCodec;
import org.ailedger.node.consensus.qbft.message.RoundChange;
import org.ailedger.node.consensus.qbft.message.RoundId;
import org.ailedger.node.consensus.qbft.validation.BlockValidity;
import org.ailedger.node.consensus.qbft.validation.HeightContext;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The QBFT state machine of one validator, as Besu's QbftController: one {@link HeightManager} for
 * the height above the chain head, swapped for a fresh one on every new head. Peers' messages are
 * de-duplicated, decoded, dropped when for an old height, held when for a later one (bounded), and
 * for this height handled and gossiped when signed by a validator. Every method runs on the one
 * consensus thread ({@link ConsensusThread}, or a test's); nothing here is locked. Only {@link
 * #height()}, {@link #round()} and {@link #roundChanges()} may be read from elsewhere (metrics),
 * and may lag the consensus thread by an event.
 */
public final class QbftController {
  private static final Logger LOG = LoggerFactory.getLogger(QbftController.class);

  private final EventQueue queue;
  private final QbftMessageCodec codec;
  private final ConsensusServices services;
  private final MessageTracker duplicates;
  private final FutureMessageBuffer<Received> laterHeights;
  private final Address self;
  private final Multicaster network;
  private volatile BlockHeader head;
  private volatile Optional<HeightManager> height = Optional.empty();
  private boolean syncing;

  private record Received(Address sender, QbftMessage message, Bytes data) {}

  /**
   * @param head the chain head to build on when {@link #begin()} runs
   * @param queue the queue this controller drains; the network offers {@link
   *     QbftEvent.MessageReceived} to it and the node {@link QbftEvent.NewChainHead}
   */
  public QbftController(
      BlockHeader head,
      KeyPair key,
      Secp256k1 secp256k1,
      Multicaster network,
      ProposalBuilder builder,
      BlockValidity blocks,
      CommittedBlockImport importer,
      Scheduler scheduler,
      Clock clock,
      QbftConfig config,
      EventQueue queue) {
    this.head = head;
    this.queue = queue;
    this.codec = new QbftMessageCodec(secp256k1);
    this.self = key.address();
    this.network = network;
    this.services =
        new ConsensusServices(
            new MessageFactory(key, secp256k1),
            new Gossip(network, key.address(), config.gossipedHistoryLimit()),
            builder,
            blocks,
            importer,
            new ConsensusTimers(scheduler, queue, clock, config),
            new CommitSeals(secp256k1),
            clock,
            config);
    this.duplicates = new MessageTracker(config.duplicateMessageLimit());
    this.laterHeights =
        new FutureMessageBuffer<>(config.futureMessagesMaxDistance(), config.futureMessagesLimit());
  }

  public EventQueue queue() {
    return queue;
  }

  /** Starts agreeing on the block after the head given at construction. */
  public void begin() {
    startHeight(head);
  }

  /** Handles every queued event on the calling thread; the number handled. */
  public int drain() {
    int handled = 0;
    for (Optional<QbftEvent> e = queue.poll(); e.isPresent(); e = queue.poll()) {
      handle(e.get());
      handled++;
    }
    return handled;
  }

  public void handle(QbftEvent event) {
    switch (event) {
      case QbftEvent.MessageReceived m -> onMessage(m);
      case QbftEvent.NewChainHead h -> onNewHead(h.header());
      case QbftEvent.BlockTimerExpired b ->
          forHeight(b.roundId(), hm -> hm.onBlockTimer(b.roundId()));
      case QbftEvent.RoundTimerExpired r ->
          forHeight(r.roundId(), hm -> hm.onRoundTimer(r.roundId()));
      case QbftEvent.PeerConnected p -> height.ifPresent(hm -> hm.resendRoundChange(p.validator()));
      case QbftEvent.SyncingChanged s -> onSyncingChanged(s.syncing());
    }
  }

  /** The height being agreed on. */
  public long height() {
    return head.number() + 1;
  }

  /** Round changes so far, at any height. */
  public long roundChanges() {
    return services.timers().roundChanges();
  }

  /** The round being run at {@link #height()}, or -1 before round 0 or when not a validator. */
  public int round() {
    return height.map(HeightManager::currentRound).orElse(-1);
  }

  private void onMessage(QbftEvent.MessageReceived received) {
    if (!duplicates.firstSight(received.data())) {
      return;
    }
    switch (codec.decode(received.code(), received.data())) {
      case MessageDecoding.Malformed m -> {
        LOG.debug(
            "Malformed QBFT message from {}: {} {}", received.sender(), m.reason(), m.detail());
        network.misbehaved(received.sender(), "malformed QBFT message: " + m.reason());
      }
      case MessageDecoding.Decoded d -> {
        long messageHeight = d.message().roundId().height();
        Received r = new Received(received.sender(), d.message(), received.data());
        if (messageHeight == height() && !syncing) {
          dispatch(r);
        } else if (messageHeight >= height()) {
          // while syncing, the height right after the head may be the one this node resumes at:
          // its proposal and votes are held, or the round could only end by a round change
          long decided = syncing ? head.number() : height();
          laterHeights.add(decided, messageHeight, r, received.data().size());
        }
      }
    }
  }

  private void dispatch(Received received) {
    if (height.isEmpty()) {
      return;
    }
    HeightManager manager = height.get();
    HeightContext context = manager.context();
    Optional<Address> author = received.message().author();
    if (author.isEmpty()) {
      network.misbehaved(received.sender(), "a QBFT message whose signature recovers no signer");
      return;
    }
    if (!context.isValidator(author.get())) {
      LOG.debug("Ignored a QBFT message not signed by a validator, from {}", received.sender());
      return;
    }
    boolean valid =
        switch (received.message()) {
          case Proposal p -> manager.onProposal(p);
          case Prepare p -> manager.onPrepare(p);
          case Commit c -> manager.onCommit(c);
          case RoundChange c -> manager.onRoundChange(c);
        };
    if (valid) {
      services
          .gossip()
          .send(
              context.validators(),
              received.message().code(),
              received.data(),
              new HashSet<>(List.of(received.sender(), author.get())));
    }
  }

  private void onNewHead(BlockHeader header) {
    if (header.number() < head.number()) {
      return;
    }
    if (header.number() == head.number()) {
      if (!header.hash().equals(head.hash())) {
        LOG.error("A second head at height {} means the chain forked", header.number());
      }
      return;
    }
    startHeight(header);
  }

  /** Whether consensus is paused while the node catches up. */
  public boolean syncing() {
    return syncing;
  }

  private void onSyncingChanged(boolean now) {
    if (now == syncing) {
      return;
    }
    syncing = now;
    if (now) {
      LOG.info("Catching up from peers: consensus pauses at height {}", height());
    } else {
      LOG.info("Caught up: consensus resumes at height {}", height());
    }
    startHeight(head);
  }

  private void startHeight(BlockHeader parent) {
    head = parent;
    services.timers().cancelRoundTimer();
    services.timers().cancelBlockTimer();
    if (syncing) {
      // the heights passed while syncing are decided; messages for later ones wait in the buffer
      height = Optional.empty();
      return;
    }
    HeightContext context = HeightContext.after(parent);
    if (!context.isValidator(self)) {
      height = Optional.empty();
      laterHeights.take(height());
      return;
    }
    HeightManager manager = new HeightManager(context, services);
    height = Optional.of(manager);
    manager.start();
    for (Received r : laterHeights.take(height())) {
      dispatch(r);
    }
  }

  private void forHeight(RoundId roundId, java.util.function.Consumer<HeightManager> action) {
    if (roundId.height() == height()) {
      height.ifPresent(action);
    }
  }
}

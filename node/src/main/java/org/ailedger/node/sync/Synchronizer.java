package org.ailedger.node.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockBody;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.BlockRejection;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.chain.ImportResult;
import org.ailedger.node.chain.Registration;
import org.ailedger.node.p2p.eth.EthMessage;
import org.ailedger.node.p2p.eth.EthMessage.Announcement;
import org.ailedger.node.p2p.eth.EthMessage.BlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.BlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockBodies;
import org.ailedger.node.p2p.eth.EthMessage.GetBlockHeaders;
import org.ailedger.node.p2p.eth.EthMessage.GetPooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.GetReceipts;
import org.ailedger.node.p2p.eth.EthMessage.NewBlock;
import org.ailedger.node.p2p.eth.EthMessage.NewBlockHashes;
import org.ailedger.node.p2p.eth.EthMessage.NewPooledTransactionHashes;
import org.ailedger.node.p2p.eth.EthMessage.PooledTransactions;
import org.ailedger.node.p2p.eth.EthMessage.Receipts;
import org.ailedger.node.p2p.eth.EthMessage.StartBlock;
import org.ailedger.node.p2p.eth.EthMessage.Status;
import org.ailedger.node.p2p.eth.EthMessage.Transactions;
import org.ailedger.node.p2p.eth.EthMessages;
import org.ailedger.node.p2p.eth.EthPeer;
import org.ailedger.node.p2p.eth.EthProtocolViolation;
import org.ailedger.node.p2p.eth.StatusExchange;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches this node up with peers that claim a higher head (in Status, NewBlock or NewBlockHashes):
 * asks one peer for headers from our head + 1 in bounded batches, then for their bodies, checks
 * each response answers its request ({@link ResponseChecks}), and imports the assembled blocks in
 * order through {@link BlockImporter}, which checks seals before executing anything. A peer whose
 * response does not match, whose block fails import, or that leaves requests unanswered {@link
 * SyncConfig#timeoutsBeforeDisconnect()} times in a row is dropped with a reason; after a single
 * timeout the next-best peer is tried. A NewBlock for head + 1 is imported directly.
 *
 * <p>Bounds: one request outstanding ({@link #MAX_PENDING_REQUESTS}); at most {@link
 * SyncConfig#headersPerRequest()} headers held and {@link SyncConfig#bodiesPerRequest()} blocks
 * assembled; one import running. State is guarded by this object's lock, held only briefly; imports
 * run on {@code importExecutor} (one worker in production) outside it. Peer sends must not block
 * (see {@link EthPeer}).
 */
public final class Synchronizer implements EthMessages {
  private static final Logger LOG = LoggerFactory.getLogger(Synchronizer.class);

  /** Requests sent and not yet answered or timed out, across all peers. */
  public static final int MAX_PENDING_REQUESTS = 1;

  private final ChainReader chain;
  private final BlockImporter importer;
  private final StatusExchange status;
  private final SyncConfig config;
  private final Timeouts timeouts;
  private final Executor importExecutor;
  private final List<SyncStatusListener> listeners = new CopyOnWriteArrayList<>();

  private final SyncPeers peers = new SyncPeers();
  // headers whose bodies are still to fetch, in order; at most config.headersPerRequest()
  private final ArrayDeque<BlockHeader> headers = new ArrayDeque<>();
  private EthPeer target;
  private Pending pending;
  private boolean importing;
  private long nextRequestId = 1;
  private long startingBlock;
  private volatile boolean syncing;

  private sealed interface Pending {
    long id();

    EthPeer peer();

    Timeouts.Cancellable timer();
  }

  private record HeadersRequest(
      long id, EthPeer peer, long first, Bytes32 parentHash, int limit, Timeouts.Cancellable timer)
      implements Pending {}

  private record BodiesRequest(
      long id, EthPeer peer, List<BlockHeader> asked, Timeouts.Cancellable timer)
      implements Pending {}

  public Synchronizer(
      ChainReader chain,
      BlockImporter importer,
      StatusExchange status,
      SyncConfig config,
      Timeouts timeouts,
      Executor importExecutor) {
    this.chain = chain;
    this.importer = importer;
    this.status = status;
    this.config = config;
    this.timeouts = timeouts;
    this.importExecutor = importExecutor;
  }

  /** Whether a peer is known to be ahead and blocks are being fetched from it. */
  public boolean isSyncing() {
    return syncing;
  }

  /** Starting, current and highest block while syncing, as {@code eth_syncing} reports them. */
  public synchronized Optional<SyncProgress> progress() {
    if (!syncing) {
      return Optional.empty();
    }
    long current = chain.head().number();
    return Optional.of(
        new SyncProgress(
            Math.min(startingBlock, current), current, Math.max(current, peers.highest())));
  }

  /** Returns a handle that removes the listener when closed. */
  public Registration onSyncingChanged(SyncStatusListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public synchronized void peerConnected(EthPeer peer) {
    peers.add(peer, 0);
  }

  @Override
  public synchronized void messageReceived(EthPeer peer, EthMessage message) {
    if (!peers.contains(peer)) {
      return;
    }
    switch (message) {
      case Status s -> claimed(peer, status.heightOf(s.totalDifficulty()));
      case NewBlockHashes n ->
          claimed(peer, n.announcements().stream().mapToLong(Announcement::number).max().orElse(0));
      case NewBlock n -> newBlock(peer, n.block());
      case BlockHeaders h -> headersReceived(peer, h);
      case BlockBodies b -> bodiesReceived(peer, b);
      // requests and transaction gossip are EthSessions' to answer or drop
      case Transactions t -> {}
      case GetBlockHeaders g -> {}
      case GetBlockBodies g -> {}
      case NewPooledTransactionHashes n -> {}
      case GetPooledTransactions g -> {}
      case PooledTransactions p -> {}
      case GetReceipts g -> {}
      case Receipts r -> {}
    }
  }

  @Override
  public synchronized void peerDisconnected(EthPeer peer) {
    if (peers.contains(peer)) {
      forget(peer);
      proceed();
    }
  }

  private void claimed(EthPeer peer, long height) {
    peers.claimed(peer, height);
    proceed();
  }

  private void newBlock(EthPeer peer, Block block) {
    peers.claimed(peer, block.number());
    if (block.number() == chain.head().number() + 1 && target == null && !importing) {
      importing = true;
      importExecutor.execute(() -> importBatch(peer, List.of(block)));
    } else {
      proceed();
    }
  }

  private void headersReceived(EthPeer peer, BlockHeaders response) {
    if (!(pending instanceof HeadersRequest request)
        || request.id() != response.requestId()
        || request.peer() != peer) {
      stray(peer, response.requestId());
      return;
    }
    answered(request);
    Optional<String> mismatch =
        ResponseChecks.headers(
            response.headers(), request.first(), request.parentHash(), request.limit());
    if (mismatch.isPresent()) {
      drop(peer, EthProtocolViolation.MISMATCHED_RESPONSE, mismatch.get());
      return;
    }
    if (response.headers().isEmpty()) {
      // it has nothing above our head after all: no fault, but no sync from it either
      peers.lower(peer, request.first() - 1);
      target = null;
      proceed();
      return;
    }
    headers.addAll(response.headers());
    requestBodies();
  }

  private void bodiesReceived(EthPeer peer, BlockBodies response) {
    if (!(pending instanceof BodiesRequest request)
        || request.id() != response.requestId()
        || request.peer() != peer) {
      stray(peer, response.requestId());
      return;
    }
    answered(request);
    List<BlockBody> bodies = response.bodies();
    if (bodies.isEmpty()) {
      drop(peer, EthProtocolViolation.USELESS_PEER, "served headers but none of their bodies");
      return;
    }
    Optional<String> mismatch = ResponseChecks.bodies(request.asked(), bodies);
    if (mismatch.isPresent()) {
      drop(peer, EthProtocolViolation.MISMATCHED_RESPONSE, mismatch.get());
      return;
    }
    List<Block> blocks = new ArrayList<>(bodies.size());
    for (BlockBody body : bodies) {
      blocks.add(new Block(headers.removeFirst(), body.transactions()));
    }
    importing = true;
    importExecutor.execute(() -> importBatch(peer, blocks));
  }

  private void importBatch(EthPeer peer, List<Block> blocks) {
    Block failed = null;
    BlockRejection rejection = null;
    try {
      for (Block block : blocks) {
        if (importer.importBlock(block) instanceof ImportResult.Rejected r) {
          failed = block;
          rejection = r.rejection();
          break;
        }
      }
    } catch (RuntimeException e) {
      // not the peer's fault (storage, a bug): the batch is dropped, and fetched again when a
      // peer next announces its head rather than at once, in a loop of failures
      LOG.error("Importing synced blocks failed", e);
      synchronized (this) {
        importing = false;
        headers.clear();
        target = null;
        return;
      }
    }
    synchronized (this) {
      importing = false;
      if (rejection != null) {
        if (!overtaken(failed, rejection)) {
          drop(peer, EthProtocolViolation.INVALID_BLOCK, rejection.message());
          return;
        }
        headers.clear();
      }
      proceed();
    }
  }

  /** A block that failed only because the head already moved past it, as consensus may do. */
  private boolean overtaken(Block block, BlockRejection rejection) {
    return rejection.reason() == BlockRejection.Reason.NOT_NEXT_BLOCK
        && chain.head().number() >= block.number();
  }

  /** Takes the next step: more bodies, more headers, another peer, or done. */
  private void proceed() {
    if (importing || pending != null) {
      return;
    }
    long head = chain.head().number();
    if (target != null) {
      if (!headers.isEmpty()) {
        requestBodies();
        return;
      }
      if (peers.height(target) > head) {
        requestHeaders();
        return;
      }
      target = null;
    }
    Optional<EthPeer> best = peers.best(head);
    if (best.isEmpty()) {
      setSyncing(false);
      return;
    }
    target = best.get();
    if (!syncing) {
      startingBlock = head;
      LOG.info("Syncing from block {} towards {}", head, peers.height(target));
      setSyncing(true);
    }
    requestHeaders();
  }

  private void requestHeaders() {
    BlockHeader head = chain.head();
    long first = head.number() + 1;
    int limit = (int) Math.min(config.headersPerRequest(), peers.height(target) - head.number());
    long id = nextRequestId++;
    pending = new HeadersRequest(id, target, first, head.hash(), limit, timer(id));
    target.send(new GetBlockHeaders(id, new StartBlock.Number(first), limit, 0, false));
  }

  private void requestBodies() {
    List<BlockHeader> asked = headers.stream().limit(config.bodiesPerRequest()).toList();
    long id = nextRequestId++;
    pending = new BodiesRequest(id, target, asked, timer(id));
    target.send(new GetBlockBodies(id, asked.stream().map(BlockHeader::hash).toList()));
  }

  private Timeouts.Cancellable timer(long id) {
    return timeouts.schedule(config.requestTimeout(), () -> timedOut(id));
  }

  private synchronized void timedOut(long id) {
    if (pending == null || pending.id() != id) {
      return;
    }
    EthPeer peer = pending.peer();
    pending = null;
    if (peers.timedOut(peer) >= config.timeoutsBeforeDisconnect()) {
      drop(peer, EthProtocolViolation.REQUEST_TIMEOUT, "requests left unanswered");
      return;
    }
    LOG.debug("Request {} to {} timed out; trying another peer", id, peer.nodeId().slice(0, 8));
    headers.clear();
    target = null;
    proceed();
  }

  private void answered(Pending request) {
    request.timer().cancel();
    pending = null;
    peers.answered(request.peer());
  }

  /** A response to no request of ours now outstanding: late answers are dropped quietly. */
  private void stray(EthPeer peer, long requestId) {
    if (requestId <= 0 || requestId >= nextRequestId) {
      drop(peer, EthProtocolViolation.UNSOLICITED_RESPONSE, "request id never used");
    }
  }

  private void drop(EthPeer peer, EthProtocolViolation violation, String detail) {
    LOG.debug("Dropping peer {}: {} ({})", peer.nodeId().slice(0, 8), violation, detail);
    forget(peer);
    peer.disconnect(violation);
    proceed();
  }

  private void forget(EthPeer peer) {
    peers.remove(peer);
    if (pending != null && pending.peer() == peer) {
      pending.timer().cancel();
      pending = null;
    }
    if (target == peer) {
      target = null;
      headers.clear();
    }
  }

  private void setSyncing(boolean now) {
    if (syncing == now) {
      return;
    }
    syncing = now;
    if (!now) {
      LOG.info("Synced to block {}", chain.head().number());
    }
    for (SyncStatusListener listener : listeners) {
      listener.syncingChanged(now);
    }
  }
}

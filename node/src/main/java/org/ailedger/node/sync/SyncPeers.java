package org.ailedger.node.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ailedger.node.p2p.eth.EthPeer;
import org.ailedger.node.p2p.eth.EthSessions;

/**
 * What the synchronizer knows of each peer: the highest head it claimed and how many requests in a
 * row it left unanswered. Picks whom to sync from: the fewest unanswered requests first, then the
 * highest head, then the longest connected. Not thread-safe; the synchronizer guards it.
 */
final class SyncPeers {
  /** Peers tracked at once: as many as eth sessions are kept. */
  static final int MAX_PEERS = EthSessions.MAX_SESSIONS;

  private static final class View {
    long height;
    int timeouts;

    View(long height) {
      this.height = height;
    }
  }

  private final Map<EthPeer, View> peers = new LinkedHashMap<>();

  void add(EthPeer peer, long height) {
    if (peers.size() < MAX_PEERS || peers.containsKey(peer)) {
      peers.computeIfAbsent(peer, p -> new View(height));
    }
  }

  /** The peer claims a head at {@code height} or above; claims only ever raise the estimate. */
  void claimed(EthPeer peer, long height) {
    View view = peers.get(peer);
    if (view != null && height > view.height) {
      view.height = height;
    }
  }

  /** The peer could not serve blocks above {@code height}: it is no higher than that. */
  void lower(EthPeer peer, long height) {
    View view = peers.get(peer);
    if (view != null) {
      view.height = Math.min(view.height, height);
    }
  }

  long height(EthPeer peer) {
    View view = peers.get(peer);
    return view == null ? -1 : view.height;
  }

  /** Counts an unanswered request; returns how many in a row this peer has left unanswered. */
  int timedOut(EthPeer peer) {
    View view = peers.get(peer);
    return view == null ? 0 : ++view.timeouts;
  }

  void answered(EthPeer peer) {
    View view = peers.get(peer);
    if (view != null) {
      view.timeouts = 0;
    }
  }

  void remove(EthPeer peer) {
    peers.remove(peer);
  }

  boolean contains(EthPeer peer) {
    return peers.containsKey(peer);
  }

  /** The peer to sync from among those claiming a head above {@code head}. */
  Optional<EthPeer> best(long head) {
    EthPeer best = null;
    View bestView = null;
    for (Map.Entry<EthPeer, View> e : peers.entrySet()) {
      View v = e.getValue();
      if (v.height <= head) {
        continue;
      }
      if (bestView == null
          || v.timeouts < bestView.timeouts
          || (v.timeouts == bestView.timeouts && v.height > bestView.height)) {
        best = e.getKey();
        bestView = v;
      }
    }
    return Optional.ofNullable(best);
  }

  long highest() {
    return peers.values().stream().mapToLong(v -> v.height).max().orElse(0);
  }
}

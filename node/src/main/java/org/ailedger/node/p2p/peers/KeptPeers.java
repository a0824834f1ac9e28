package org.ailedger.node.p2p.peers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.ailedger.node.crypto.PublicKey;

/**
 * The peers a node keeps connected (static nodes and admin_addPeer's), each with when it may be
 * dialled next. A failed or dropped connection doubles the wait, from one second up to a minute,
 * with jitter so that two nodes dialling each other at once do not keep colliding. Thread-safe.
 */
final class KeptPeers {
  /** A bound on the peers an operator may ask to keep; the network is permissioned and small. */
  static final int MAX_KEPT_PEERS = 256;

  static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  static final Duration MAX_RETRY = Duration.ofSeconds(60);

  enum Change {
    ADDED,
    ALREADY_KEPT,
    FULL
  }

  private static final class Entry {
    final EnodeUrl enode;
    int failures;
    Instant dueAt;

    Entry(EnodeUrl enode, Instant dueAt) {
      this.enode = enode;
      this.dueAt = dueAt;
    }
  }

  private final Map<PublicKey, Entry> byId = new LinkedHashMap<>();
  private final RandomGenerator random;

  KeptPeers(RandomGenerator random) {
    this.random = random;
  }

  synchronized Change add(EnodeUrl enode, Instant now) {
    Entry existing = byId.get(enode.nodeId());
    if (existing != null && existing.enode.equals(enode)) {
      return Change.ALREADY_KEPT;
    }
    if (existing == null && byId.size() >= MAX_KEPT_PEERS) {
      return Change.FULL;
    }
    // a new address for a known node replaces the old one and is tried at once
    byId.put(enode.nodeId(), new Entry(enode, now));
    return Change.ADDED;
  }

  synchronized boolean remove(PublicKey nodeId) {
    return byId.remove(nodeId) != null;
  }

  synchronized boolean contains(PublicKey nodeId) {
    return byId.containsKey(nodeId);
  }

  synchronized List<EnodeUrl> all() {
    return byId.values().stream().map(e -> e.enode).toList();
  }

  /** Kept peers not in {@code connected} whose wait is over; each is pushed back one retry. */
  synchronized List<EnodeUrl> takeDue(Instant now, java.util.Set<PublicKey> connected) {
    List<EnodeUrl> due = new ArrayList<>();
    for (Entry entry : byId.values()) {
      if (!connected.contains(entry.enode.nodeId()) && !entry.dueAt.isAfter(now)) {
        due.add(entry.enode);
        entry.dueAt = now.plus(backOff(entry.failures));
        entry.failures = Math.min(entry.failures + 1, 30);
      }
    }
    return due;
  }

  /** A connection was established: the next drop starts the back-off afresh. */
  synchronized void connected(PublicKey nodeId) {
    Entry entry = byId.get(nodeId);
    if (entry != null) {
      entry.failures = 0;
    }
  }

  /** A kept peer dropped: try again after the first retry interval, not at once. */
  synchronized void dropped(PublicKey nodeId, Instant now) {
    Entry entry = byId.get(nodeId);
    if (entry != null) {
      entry.dueAt = now.plus(backOff(entry.failures));
    }
  }

  synchronized Optional<Instant> dueAt(PublicKey nodeId) {
    return Optional.ofNullable(byId.get(nodeId)).map(e -> e.dueAt);
  }

  private Duration backOff(int failures) {
    long base = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures, 20));
    return Duration.ofMillis(base + random.nextLong(base / 2 + 1));
  }
}

package org.ailedger.node.consensus.qbft.statemachine;

import java.util.List;
import java.util.Set;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * Sends this node's messages and re-gossips peers' to the current validators, never to this node,
 * and never the same data twice within gossipedhistorylimit (Besu's UniqueMessageMulticaster and
 * QbftGossip).
 */
final class Gossip {
  private final Multicaster network;
  private final Address self;
  private final MessageTracker sent;

  Gossip(Multicaster network, Address self, int historyLimit) {
    this.network = network;
    this.self = self;
    this.sent = new MessageTracker(historyLimit);
  }

  /**
   * To one validator, even if sent before: for a message the peer may have missed while it was
   * away.
   */
  void resend(Address validator, int code, Bytes data) {
    if (!validator.equals(self)) {
      network.send(List.of(validator), code, data);
    }
  }

  /** To every validator but this node and those in {@code except}. */
  void send(List<Address> validators, int code, Bytes data, Set<Address> except) {
    if (!sent.firstSight(data)) {
      return;
    }
    List<Address> recipients =
        validators.stream().filter(v -> !v.equals(self) && !except.contains(v)).toList();
    if (!recipients.isEmpty()) {
      network.send(recipients, code, data);
    }
  }
}

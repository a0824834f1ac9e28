package org.ailedger.node.app;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.crypto.PublicKey;
import org.ailedger.node.p2p.peers.PeerNetwork;
import org.ailedger.types.Address;

/**
 * The Permissions contract's node allowlist as the network admits by it: read from the head's state
 * once per block, so admitting a peer on the event loop never touches storage.
 */
final class ChainNodeAllowlist implements PeerNetwork.NodeAllowlist {
  private final ChainReader chain;
  private final HeadState state;
  private final LedgerBindings bindings;
  private final AtomicReference<Set<Address>> allowed = new AtomicReference<>(Set.of());

  ChainNodeAllowlist(ChainReader chain, HeadState state, LedgerBindings bindings) {
    this.chain = chain;
    this.state = state;
    this.bindings = bindings;
    refresh();
  }

  /** Re-reads the allowlist at the head; returns whether it changed. */
  boolean refresh() {
    Set<Address> nodes = Set.copyOf(bindings.nodes(state.slotsAt(chain.head().stateRoot())));
    return !allowed.getAndSet(nodes).equals(nodes);
  }

  @Override
  public boolean allows(PublicKey nodeId) {
    return allowed.get().contains(nodeId.address());
  }
}

package org.ailedger.node.app;

import java.util.List;
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
    List<Address> nodes = bindings.nodes(state.slotsAt(chain.head().stateRoot()));
    return !allowed.getAndSet(Set.copyOf(nodes)).equals(Set.copyOf(nodes));
  }

  @Override
  public boolean allows(PublicKey nodeId) {
    return allowed.get().contains(nodeId.address());
  }
}

package org.ailedger.node.sync;

/**
 * Told when the node starts or stops catching up with its peers, so consensus can pause while the
 * chain is behind, as Besu's {@code BftMiningCoordinator} stops while a sync target exists. Runs on
 * the synchronizer's thread and must not block.
 */
@FunctionalInterface
public interface SyncStatusListener {
  void syncingChanged(boolean syncing);
}

package org.ailedger.node.app;

import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.state.WorldStateReader;
import org.ailedger.node.tx.RecoveryResult;
import org.ailedger.node.tx.StatelessChecks;
import org.ailedger.node.txpool.AdmissionResult;
import org.ailedger.node.txpool.SubmitObserver;
import org.ailedger.node.txpool.TransactionPool;
import org.ailedger.node.txpool.TxPoolConfig;

/**
 * Builds the pool with the same stateless checks and sender recovery block import uses. Public so
 * tests of other packages get the pool a node runs, not a look-alike.
 */
public final class PoolWiring {
  /** The bounds every node's pool runs with. */
  public static final TxPoolConfig CONFIG = TxPoolConfig.DEFAULT;

  private PoolWiring() {}

  public static TransactionPool create(
      ChainReader chain, WorldStateReader state, StatelessChecks checks, LedgerBindings bindings) {
    return create(chain, state, checks, bindings, SubmitObserver.NONE);
  }

  public static TransactionPool create(
      ChainReader chain,
      WorldStateReader state,
      StatelessChecks checks,
      LedgerBindings bindings,
      SubmitObserver observer) {
    return new TransactionPool(
        tx ->
            switch (checks.check(tx)) {
              case RecoveryResult.Recovered r -> new AdmissionResult.Admitted(r.sender());
              case RecoveryResult.Invalid i -> new AdmissionResult.Refused(i.rejection());
            },
        new HeadState(chain, state, bindings),
        CONFIG,
        observer);
  }
}

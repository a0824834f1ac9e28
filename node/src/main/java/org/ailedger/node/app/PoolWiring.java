package org.ailedger.node.app;

import java.util.Optional;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.state.WorldStateReader;
import org.ailedger.node.tx.RecoveryResult;
import org.ailedger.node.tx.SenderRecovery;
import org.ailedger.node.tx.TransactionRejection;
import org.ailedger.node.tx.TransactionValidator;
import org.ailedger.node.txpool.AdmissionResult;
import org.ailedger.node.txpool.TransactionPool;
import org.ailedger.node.txpool.TxPoolConfig;

/** Builds the pool with the same stateless checks and sender recovery block import uses. */
final class PoolWiring {
  private PoolWiring() {}

  static TransactionPool create(
      ChainReader chain,
      WorldStateReader state,
      TransactionValidator validator,
      SenderRecovery recovery,
      LedgerBindings bindings) {
    return new TransactionPool(
        tx -> {
          Optional<TransactionRejection> invalid = validator.validate(tx);
          if (invalid.isPresent()) {
            return new AdmissionResult.Refused(invalid.get());
          }
          return switch (recovery.recover(tx)) {
            case RecoveryResult.Recovered r -> new AdmissionResult.Admitted(r.sender());
            case RecoveryResult.Invalid i -> new AdmissionResult.Refused(i.rejection());
          };
        },
        new HeadState(chain, state, bindings),
        TxPoolConfig.DEFAULT);
  }
}

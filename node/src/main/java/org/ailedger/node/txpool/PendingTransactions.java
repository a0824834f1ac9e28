package org.ailedger.node.txpool;

import java.util.Optional;
import org.ailedger.node.tx.RecoveredTransaction;
import org.ailedger.node.tx.Transaction;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/** The pool as JSON-RPC sees it. */
public interface PendingTransactions {
  /** Validates (stateless and against the head state) and pools the transaction. */
  SubmitResult submit(Transaction transaction);

  /** The nonce the sender's next transaction must carry: the head's, past its pooled ones. */
  long nextNonce(Address sender);

  Optional<RecoveredTransaction> byHash(Bytes32 hash);

  int size();
}

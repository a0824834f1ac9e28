package org.ailedger.node.txpool;

import java.util.Optional;
import java.util.OptionalLong;
import org.ailedger.node.tx.Transaction;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;

/** The pool as JSON-RPC sees it. */
public interface PendingTransactions {
  /** Validates (stateless and against the head state) and pools the transaction. */
  SubmitResult submit(Transaction transaction);

  /** The next nonce the sender would use counting pooled transactions, if it has any pooled. */
  OptionalLong pendingNonce(Address sender);

  Optional<PendingTransaction> byHash(Bytes32 hash);

  int size();
}

package org.ailedger.node.rpc;

import org.ailedger.node.chain.ChainEvents;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.execution.TransactionSimulator;
import org.ailedger.node.state.WorldStateReader;
import org.ailedger.node.txpool.PendingTransactions;

/**
 * Everything the JSON-RPC server reads or writes, as interfaces the node implements. Every
 * implementation must be thread-safe: methods run concurrently on the RPC worker pool.
 */
public record RpcBackend(
    ChainReader chain,
    ChainEvents events,
    WorldStateReader state,
    TransactionSimulator simulator,
    PendingTransactions pool,
    RawTransactionSubmitter submitter,
    CodeReader code,
    PeerSource peers) {
  public RpcBackend {
    if (chain == null
        || events == null
        || state == null
        || simulator == null
        || pool == null
        || submitter == null
        || code == null
        || peers == null) {
      throw new IllegalArgumentException("every RPC backend dependency is required");
    }
  }
}

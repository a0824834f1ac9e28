package org.ailedger.node.txpool;

import org.ailedger.node.tx.Transaction;

/**
 * The checks a transaction passes before the pool looks at it: everything that needs no state
 * (encoding, chain id, signature, fee fields, intrinsic gas) and the recovery of its sender. The
 * node supplies the same validator block import uses, so pool and import agree on what is valid.
 *
 * <p>Called without the pool's lock held and concurrently from many threads, because sender
 * recovery is the most expensive step of admitting a transaction.
 */
@FunctionalInterface
public interface TransactionAdmission {
  AdmissionResult admit(Transaction transaction);
}

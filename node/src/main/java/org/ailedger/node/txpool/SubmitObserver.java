package org.ailedger.node.txpool;

/**
 * Told what became of every transaction offered to the pool, for metrics; called on the submitter's
 * thread after the pool decided, so it must be cheap and lock-free.
 */
@FunctionalInterface
public interface SubmitObserver {
  SubmitObserver NONE = result -> {};

  void submitted(SubmitResult result);
}

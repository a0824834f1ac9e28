package org.ailedger.node.chain;

/**
 * Told how long block work took, for metrics; each call is on the thread that did the work, so
 * implementations must be cheap and lock-free.
 */
public interface BlockTimings {
  BlockTimings NONE =
      new BlockTimings() {
        @Override
        public void built(long nanos) {}

        @Override
        public void executed(long nanos) {}

        @Override
        public void imported(long nanos) {}
      };

  /** This node built a proposal: selected, executed and sealed its transactions. */
  void built(long nanos);

  /** This node executed a block another validator built, checking its proposal or syncing it. */
  void executed(long nanos);

  /**
   * A block joined the chain: header and seal checks, execution when it had not run before, state
   * commit and storage.
   */
  void imported(long nanos);
}

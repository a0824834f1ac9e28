package org.ailedger.node.txpool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.ailedger.node.tx.RecoveredTransaction;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Picks a block's transactions from each sender's executable run: senders take turns by the fee of
 * their next transaction (then by its arrival), and each sender's transactions go in nonce order. A
 * transaction that cannot go in — its fee cap is below the base fee, or its gas limit does not fit
 * — ends its sender's turn for this block, since the sender's later nonces depend on it.
 */
final class BlockSelector {
  private BlockSelector() {}

  /** A sender's remaining run and the position of its next transaction. */
  private record Cursor(List<RecoveredTransaction> run, int index, UInt256 price) {
    RecoveredTransaction next() {
      return run.get(index);
    }
  }

  /**
   * @param runs per sender, consecutive nonces starting at the account nonce
   */
  static List<RecoveredTransaction> select(
      List<List<RecoveredTransaction>> runs, long gasLimit, UInt256 baseFee, int maxCount) {
    Comparator<Cursor> order =
        Comparator.comparing(Cursor::price, Comparator.reverseOrder())
            .thenComparingLong(cursor -> cursor.next().sequence());
    PriorityQueue<Cursor> turns = new PriorityQueue<>(order);
    for (List<RecoveredTransaction> run : runs) {
      offer(turns, run, 0, baseFee);
    }
    List<RecoveredTransaction> selected = new ArrayList<>();
    long gasLeft = gasLimit;
    while (!turns.isEmpty() && selected.size() < maxCount && gasLeft > 0) {
      Cursor cursor = turns.poll();
      RecoveredTransaction pending = cursor.next();
      long gas = pending.transaction().gasLimit();
      if (gas > gasLeft) {
        continue; // this sender is done; a smaller transaction of another sender may still fit
      }
      selected.add(pending);
      gasLeft -= gas;
      offer(turns, cursor.run(), cursor.index() + 1, baseFee);
    }
    return selected;
  }

  private static void offer(
      PriorityQueue<Cursor> turns, List<RecoveredTransaction> run, int index, UInt256 baseFee) {
    if (index >= run.size()) {
      return;
    }
    var tx = run.get(index).transaction();
    if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
      return; // cannot pay the base fee, so neither it nor the sender's later nonces go in
    }
    turns.add(new Cursor(run, index, tx.effectiveGasPrice(baseFee)));
  }
}

package org.ailedger.bench.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import org.ailedger.node.genesis.DevAccounts;

/**
 * One load run: where to send, how many senders, for how long and how hard.
 *
 * @param rpc the node's JSON-RPC HTTP endpoint; must be on this machine, so a typo can never aim
 *     the load at someone else's node
 * @param senders dev load accounts used as senders, each with its own nonce sequence
 * @param warmup time under load before the measured window opens (JIT, pool fill)
 * @param duration the measured window
 * @param rate target submissions per second over all senders; 0 sends as fast as the window allows
 * @param window transactions one sender may have submitted but not yet seen committed; kept at or
 *     below the pool's per-sender limit so a healthy run is never refused for a full pool
 * @param batchSize raw transactions per HTTP request (1 sends single JSON-RPC calls)
 * @param maxTransactions most transactions signed for the run; bounds memory and signing time
 * @param receiptsPerBlock transactions per block, spread over it, whose receipts are fetched to
 *     time submit → receipt; few, because each receipt costs the node a read of its whole block
 * @param drain how long to wait after the window for submitted transactions to commit
 * @param workload what each transaction does
 */
public record LoadSettings(
    URI rpc,
    int senders,
    Duration warmup,
    Duration duration,
    double rate,
    int window,
    int batchSize,
    int maxTransactions,
    int receiptsPerBlock,
    Duration drain,
    Workload workload) {
  /** The node refuses more than this many pooled transactions per sender. */
  public static final int POOL_LIMIT_PER_SENDER = 256;

  /**
   * Most transactions per sender for {@link Workload#SUBMIT_UPDATE}: each needs a model with an
   * open round, prepared before the run, and preparing more takes longer than a run.
   */
  public static final int MAX_SUBMISSIONS_PER_SENDER = 5_000;

  /**
   * A block's sampled receipts go out as one JSON-RPC batch; nodes cap batches (1,024 requests by
   * default, here as in Besu), and a refused batch would read as missing receipts.
   */
  public static final int MAX_RECEIPTS_PER_BLOCK = 1_000;

  public LoadSettings {
    if (rpc == null || !"http".equals(rpc.getScheme()) || rpc.getHost() == null) {
      throw new IllegalArgumentException("--rpc must be an http:// URL, got " + rpc);
    }
    if (!isLoopback(rpc.getHost())) {
      throw new IllegalArgumentException(
          "--rpc must point at this machine (a loopback address), got host " + rpc.getHost());
    }
    if (senders < 1 || senders > DevAccounts.LOAD_ACCOUNTS) {
      throw new IllegalArgumentException(
          "--senders must be between 1 and " + DevAccounts.LOAD_ACCOUNTS + ", got " + senders);
    }
    requireNonNegative(warmup, "--warmup");
    requireNonNegative(drain, "--drain");
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("--duration must be positive");
    }
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("--rate must be 0 (as fast as possible) or positive");
    }
    if (window < 1 || window > POOL_LIMIT_PER_SENDER) {
      throw new IllegalArgumentException(
          "--window must be between 1 and " + POOL_LIMIT_PER_SENDER + ", got " + window);
    }
    if (batchSize < 1 || batchSize > window) {
      throw new IllegalArgumentException(
          "--batch must be between 1 and the window (" + window + "), got " + batchSize);
    }
    if (maxTransactions < senders) {
      throw new IllegalArgumentException("--max-tx must allow at least one transaction per sender");
    }
    if (receiptsPerBlock < 0 || receiptsPerBlock > MAX_RECEIPTS_PER_BLOCK) {
      throw new IllegalArgumentException(
          "--receipts-per-block must be between 0 and "
              + MAX_RECEIPTS_PER_BLOCK
              + " (one JSON-RPC batch), got "
              + receiptsPerBlock);
    }
    if (workload == null) {
      throw new IllegalArgumentException("a workload is required");
    }
    int perSender = perSender(senders, warmup, duration, rate, window, maxTransactions);
    if (workload == Workload.SUBMIT_UPDATE && perSender > MAX_SUBMISSIONS_PER_SENDER) {
      throw new IllegalArgumentException(
          "submit-update prepares a model for each transaction of a sender; lower --max-tx or"
              + " raise --senders so that each sender signs at most "
              + MAX_SUBMISSIONS_PER_SENDER
              + " (now "
              + perSender
              + ")");
    }
  }

  /** Transactions to sign per sender: enough for the whole run, within {@link #maxTransactions}. */
  public int transactionsPerSender() {
    return perSender(senders, warmup, duration, rate, window, maxTransactions);
  }

  // static: the compact constructor validates with it before the fields are assigned
  private static int perSender(
      int senders,
      Duration warmup,
      Duration duration,
      double rate,
      int window,
      int maxTransactions) {
    int cap = maxTransactions / senders;
    if (rate == 0) {
      return cap;
    }
    double seconds = (warmup.toMillis() + duration.toMillis()) / 1000.0;
    long needed = (long) Math.ceil(rate * seconds / senders) + window;
    return (int) Math.min(cap, needed);
  }

  public Duration total() {
    return warmup.plus(duration);
  }

  private static boolean isLoopback(String host) {
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return addresses.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void requireNonNegative(Duration value, String name) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }
}

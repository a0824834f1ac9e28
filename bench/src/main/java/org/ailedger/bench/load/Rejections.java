package org.ailedger.bench.load;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Refused submissions counted by reason. The node's messages start with geth's phrase for the
 * reason ("nonce too low", "txpool is full", …) and go on with details that differ per transaction,
 * so the phrase before the first colon is the reason and one full message is kept as an example.
 */
public final class Rejections {
  /** How a sender reacts to a refusal. */
  public enum Reaction {
    /** The node has the transaction after all: count it as accepted. */
    ACCEPTED,
    /** Try the same transaction again after a pause: the node was busy or briefly unreachable. */
    RETRY,
    /** This sender cannot go on: its later nonces would never become executable. */
    STOP
  }

  /** One reason with its count and an example message. */
  public record Tally(String reason, long count, String example) {}

  private static final int LIMIT_EXCEEDED = -32005;

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, String> examples = new ConcurrentHashMap<>();

  /** The reason a refusal is counted under. */
  public static String reasonOf(RpcOutcome outcome) {
    return switch (outcome) {
      case RpcOutcome.Success success -> throw new IllegalArgumentException("not a refusal");
      case RpcOutcome.Failure failure -> phrase(failure.message()) + " (" + failure.code() + ")";
      case RpcOutcome.Unreachable unreachable -> "unreachable: " + phrase(unreachable.why());
    };
  }

  /**
   * @param resent whether this transaction was sent before; then "nonce too low" means an earlier
   *     attempt got in and has committed since
   */
  public static Reaction reactionTo(RpcOutcome outcome, boolean resent) {
    return switch (outcome) {
      case RpcOutcome.Success success -> Reaction.ACCEPTED;
      case RpcOutcome.Unreachable unreachable -> Reaction.RETRY;
      case RpcOutcome.Failure failure -> {
        String message = failure.message().toLowerCase(Locale.ROOT);
        if (message.startsWith("already known") || resent && message.startsWith("nonce too low")) {
          yield Reaction.ACCEPTED;
        }
        if (failure.code() == LIMIT_EXCEEDED
            || message.startsWith("txpool is full")
            || message.startsWith("nonce too high")) {
          yield Reaction.RETRY;
        }
        yield Reaction.STOP;
      }
    };
  }

  public void count(RpcOutcome outcome) {
    String reason = reasonOf(outcome);
    counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
    examples.putIfAbsent(
        reason,
        switch (outcome) {
          case RpcOutcome.Failure failure -> failure.message();
          case RpcOutcome.Unreachable unreachable -> unreachable.why();
          case RpcOutcome.Success success -> "";
        });
  }

  public long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Most frequent first. */
  public List<Tally> tallies() {
    return counts.entrySet().stream()
        .map(e -> new Tally(e.getKey(), e.getValue().sum(), examples.getOrDefault(e.getKey(), "")))
        .sorted(Comparator.comparingLong(Tally::count).reversed().thenComparing(Tally::reason))
        .toList();
  }

  private static String phrase(String message) {
    int colon = message.indexOf(':');
    return (colon < 0 ? message : message.substring(0, colon)).strip();
  }
}

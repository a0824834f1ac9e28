package org.ailedger.bench.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of a load run and its printed summary.
 *
 * @param signedPerSender transactions signed for each sender before the run
 * @param signing how long signing took
 * @param committed this run's transactions seen in blocks, window or not
 * @param throughput committed throughput over the window; empty if too few blocks fell inside it
 * @param cpu CPU time used during the window by the generator, the node and the machine
 * @param threads CPU time during the window by thread, of the processes asked for
 */
public record LoadReport(
    LoadSettings settings,
    long chainId,
    int signedPerSender,
    Duration signing,
    SubmitCounters submits,
    long committed,
    Optional<WindowThroughput> throughput,
    Latencies receipts,
    Latencies inclusion,
    long failedReceipts,
    long missingReceipts,
    long droppedSamples,
    CpuUsage cpu,
    List<ThreadSplit> threads) {
  /** Thread groups printed per process; the rest are summed as "other threads". */
  private static final int THREADS_SHOWN = 7;

  public void print(PrintStream out) {
    double window = settings.duration().toMillis() / 1000.0;
    out.println();
    out.printf(
        Locale.ROOT,
        "Load run against %s (chain %d), workload %s%n",
        settings.rpc(),
        chainId,
        settings.workload().optionName());
    out.printf(
        Locale.ROOT,
        "  %d senders, rate %s, window %d per sender, batch %d, warm-up %d s, measured %d s%n",
        settings.senders(),
        settings.rate() == 0 ? "max" : fmt("%,.0f tx/s", settings.rate()),
        settings.window(),
        settings.batchSize(),
        settings.warmup().toSeconds(),
        settings.duration().toSeconds());
    out.printf(
        Locale.ROOT,
        "  signed %,d transactions (%,d per sender) in %.1f s before the run%n",
        (long) signedPerSender * settings.senders(),
        signedPerSender,
        signing.toMillis() / 1000.0);
    out.println();
    row(
        out,
        "committed throughput",
        throughput
            .map(
                t ->
                    fmt("%,.1f tx/s", t.perSecond())
                        + fmt(
                            "  (%,d tx in blocks %d..%d, %d s of block time)",
                            t.transactions(), t.firstBlock() + 1, t.lastBlock(), t.seconds()))
            .orElse("n/a (fewer than two blocks inside the window)"));
    throughput.ifPresent(
        t ->
            row(
                out,
                "transactions per block",
                fmt(
                    "median %,d  min %,d  max %,d  (%d blocks)",
                    t.medianPerBlock(),
                    t.perBlock().get(0),
                    t.perBlock().get(t.perBlock().size() - 1),
                    t.perBlock().size())));
    row(
        out,
        "accepted submissions",
        fmt(
            "%,.1f tx/s  (%,d in the window, %,d in all)",
            submits.acceptedInWindow() / window, submits.acceptedInWindow(), submits.accepted()));
    row(out, "submission answered in", answerTimes(submits.answers()));
    row(out, "submit -> receipt", latencies(receipts, settings.receiptsPerBlock() + " per block"));
    row(out, "submit -> in a block", latencies(inclusion, "all"));
    if (failedReceipts + missingReceipts + droppedSamples > 0) {
      row(
          out,
          "sampled receipts",
          fmt(
              "%,d failed status, %,d missing, %,d not fetched (fetcher behind)",
              failedReceipts, missingReceipts, droppedSamples));
    }
    row(out, "rejections", fmt("%,d", submits.rejections().total()));
    for (Rejections.Tally tally : submits.rejections().tallies()) {
      row(
          out,
          "  " + tally.reason(),
          fmt("%,d  e.g. \"%s\"", tally.count(), abbreviate(tally.example())));
    }
    row(out, "committed of accepted", fmt("%,d of %,d", committed, submits.accepted()));
    row(out, "generator CPU in window", cpu(cpu.generator(), window));
    cpu.node().ifPresent(node -> row(out, "node CPU in window", cpu(node, window)));
    // CPU per transaction holds even when other work shares the cores, unlike tx/s
    cpu.node()
        .flatMap(node -> throughput.map(t -> node.toNanos() / 1e3 / (t.perSecond() * window)))
        .ifPresent(micros -> row(out, "node CPU per committed tx", fmt("%,.0f us", micros)));
    cpu.others()
        .ifPresent(
            others ->
                row(
                    out,
                    "other CPU in window",
                    cpu(others, window)
                        + "  (rest of the machine: "
                        + Runtime.getRuntime().availableProcessors()
                        + " cores)"));
    if (submits.sendersStopped() > 0) {
      row(out, "senders stopped", fmt("%d (see the warnings above)", submits.sendersStopped()));
    }
    if (submits.sendersExhausted() > 0) {
      row(
          out,
          "senders out of txs",
          fmt("%d: raise --max-tx for a longer or faster run", submits.sendersExhausted()));
    }
    row(out, "window-full waits", fmt("%,d", submits.windowFullWaits()));
    double committedInWindow = throughput.map(t -> t.perSecond() * window).orElse(0.0);
    for (ThreadSplit split : threads) {
      printSplit(out, split, committedInWindow);
    }
  }

  /** One process's CPU in the window by thread group, also per committed transaction. */
  private static void printSplit(PrintStream out, ThreadSplit split, double committed) {
    out.println();
    out.printf(
        Locale.ROOT,
        "  CPU by thread of pid %d in the window: %,d ms%s%n",
        split.pid(),
        split.total().toMillis(),
        perTx(split.total(), committed));
    int shown = 0;
    Duration rest = Duration.ZERO;
    for (var entry : split.byThread().entrySet()) {
      if (shown++ < THREADS_SHOWN) {
        row(
            out,
            "  " + entry.getKey(),
            fmt("%,d ms", entry.getValue().toMillis()) + perTx(entry.getValue(), committed));
      } else {
        rest = rest.plus(entry.getValue());
      }
    }
    if (!rest.isZero()) {
      row(out, "  other threads", fmt("%,d ms", rest.toMillis()) + perTx(rest, committed));
    }
  }

  private static String perTx(Duration cpu, double committed) {
    return committed == 0
        ? ""
        : fmt("  (%,.0f us per committed tx)", cpu.toNanos() / 1e3 / committed);
  }

  private static String latencies(Latencies values, String which) {
    if (values.count() == 0) {
      return "n/a (" + which + ", none in the window)";
    }
    return fmt(
        "p50 %,d ms  p95 %,d ms  p99 %,d ms  max %,d ms  (%s, n=%,d)",
        millis(values.percentile(50)),
        millis(values.percentile(95)),
        millis(values.percentile(99)),
        millis(values.max()),
        which,
        values.count());
  }

  /** eth_sendRawTransaction round trips, to a tenth of a millisecond: they should be short. */
  private static String answerTimes(Latencies values) {
    if (values.count() == 0) {
      return "n/a (no request in the window)";
    }
    return fmt(
        "p50 %.1f ms  p99 %.1f ms  max %.1f ms  (requests, n=%,d)",
        values.percentile(50) / 1e6,
        values.percentile(99) / 1e6,
        values.max() / 1e6,
        values.count());
  }

  private static String cpu(Duration cpu, double windowSeconds) {
    double seconds = cpu.toMillis() / 1000.0;
    return fmt("%.1f s  (%.2f cores)", seconds, seconds / windowSeconds);
  }

  private static long millis(long nanos) {
    return Math.round(nanos / 1e6);
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 97) + "...";
  }

  private static void row(PrintStream out, String name, String value) {
    out.printf(Locale.ROOT, "  %-26s %s%n", name, value);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}

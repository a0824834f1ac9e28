package org.ailedger.bench.load;

import java.time.Duration;
import java.util.Map;

/**
 * One process's CPU time in the measured window, by thread group, largest first.
 *
 * @param pid the process
 * @param byThread CPU time per thread group
 */
public record ThreadSplit(long pid, Map<String, Duration> byThread) {
  public Duration total() {
    return byThread.values().stream().reduce(Duration.ZERO, Duration::plus);
  }
}

package org.ailedger.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time of each thread of one process so far, from Linux's /proc: what shows whether a node's
 * time goes to consensus, the JSON-RPC server, gossip, the garbage collector or the JIT compiler.
 *
 * @param threads by thread id: its name and CPU time
 */
record ThreadCpu(long pid, Map<Long, Named> threads) {
  private static final long TICKS_PER_SECOND = 100;

  record Named(String name, Duration cpu) {}

  /** The process's threads now; empty when it has gone or this is not Linux. */
  static Optional<ThreadCpu> of(long pid) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    Map<Long, Named> threads = new HashMap<>();
    try (Stream<Path> list = Files.list(tasks)) {
      for (Path task : list.toList()) {
        readThread(task)
            .ifPresent(t -> threads.put(Long.parseLong(task.getFileName().toString()), t));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(new ThreadCpu(pid, Map.copyOf(threads)));
  }

  /**
   * CPU used since {@code start}, summed by thread group: numbered threads of one pool ("GC
   * Thread#0", "vert.x-eventloop-thread-3") count as one. Threads that ended in between are not
   * counted.
   */
  Map<String, Duration> since(ThreadCpu start) {
    Map<String, Duration> byGroup = new HashMap<>();
    threads.forEach(
        (tid, now) -> {
          Named before = start.threads.get(tid);
          Duration used =
              before != null && before.name().equals(now.name())
                  ? now.cpu().minus(before.cpu())
                  : now.cpu();
          if (!used.isZero()) {
            byGroup.merge(group(now.name()), used, Duration::plus);
          }
        });
    Map<String, Duration> sorted = new LinkedHashMap<>();
    byGroup.entrySet().stream()
        .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static String group(String name) {
    return name.replaceAll("[#-]?[0-9]+$", "");
  }

  private static Optional<Named> readThread(Path task) {
    try {
      String name = Files.readString(task.resolve("comm")).strip();
      String stat = Files.readString(task.resolve("stat"));
      // the name in stat is in parentheses and may hold spaces: fields start after the last ')'
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return Optional.of(new Named(name, Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the thread ended while being read
    }
  }
}

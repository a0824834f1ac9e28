package org.ailedger.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * CPU time used so far by this process, by the node process if its id is known, and by the whole
 * machine where the kernel tells (Linux). The difference of two snapshots shows whether the node,
 * the generator or something else had the cores during the window.
 */
record CpuSnapshot(Duration generator, Optional<Duration> node, Optional<Duration> machine) {
  private static final Path PROC_STAT = Path.of("/proc/stat");

  /** USER_HZ, the unit of /proc/stat; 100 on every common Linux build. */
  private static final long TICKS_PER_SECOND = 100;

  static CpuSnapshot now(OptionalLong nodePid) {
    Duration self = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    Optional<Duration> node =
        nodePid.isPresent()
            ? ProcessHandle.of(nodePid.getAsLong()).flatMap(p -> p.info().totalCpuDuration())
            : Optional.empty();
    return new CpuSnapshot(self, node, machineBusy());
  }

  CpuUsage since(CpuSnapshot start) {
    return new CpuUsage(
        generator.minus(start.generator),
        node.flatMap(end -> start.node.map(end::minus)),
        machine.flatMap(end -> start.machine.map(end::minus)));
  }

  /** user + nice + system + irq + softirq of all CPUs; not idle, I/O wait or steal. */
  private static Optional<Duration> machineBusy() {
    try {
      String first = Files.readAllLines(PROC_STAT).get(0);
      String[] fields = first.trim().split("\\s+");
      if (!fields[0].equals("cpu") || fields.length < 8) {
        return Optional.empty();
      }
      long ticks =
          Long.parseLong(fields[1])
              + Long.parseLong(fields[2])
              + Long.parseLong(fields[3])
              + Long.parseLong(fields[6])
              + Long.parseLong(fields[7]);
      return Optional.of(Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux, or an unexpected format: report without it
    }
  }
}

package org.ailedger.bench.load;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time used during the measured window.
 *
 * @param generator by this process
 * @param node by the node process, when its id was given
 * @param machine by all processes of the machine, where the kernel tells (Linux)
 */
public record CpuUsage(Duration generator, Optional<Duration> node, Optional<Duration> machine) {
  /** What neither the generator nor the node used: other work sharing the cores. */
  public Optional<Duration> others() {
    return machine.flatMap(all -> node.map(n -> all.minus(n).minus(generator)));
  }
}

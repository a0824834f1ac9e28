package org.ailedger.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request the devnet answers in its own time, instead of the JVM's
 * default of running shutdown hooks and exiting with 130 or 143: the devnet stops its validators
 * and exits 0. A second signal while stopping runs {@code onRepeat}, for an operator who does not
 * want to wait.
 */
final class StopSignals {
  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private StopSignals() {}

  /** Completes with the signal's name (e.g. {@code SIGTERM}) when the first one arrives. */
  static CompletableFuture<String> install(Runnable onRepeat) {
    CompletableFuture<String> requested = new CompletableFuture<>();
    for (String name : SIGNALS) {
      Signal.handle(
          new Signal(name),
          signal -> {
            if (!requested.complete("SIG" + signal.getName())) {
              onRepeat.run();
            }
          });
    }
    return requested;
  }
}

package org.ailedger.bench.reads;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.OptionalLong;

/** Cold phase, warm-up, warm phase, and the ratio of the cold rate to the warm one. */
public final class ReadRun {
  private final ReadPhase phase;
  private final ReadCall call;
  private static final int CLIENT_WARMUP_REQUESTS = 40_000;

  private final PrintStream out;
  private final int inFlightForWarmup;

  public ReadRun(
      URI endpoint, ReadCall call, int inFlight, OptionalLong serverPid, PrintStream out) {
    this.phase = new ReadPhase(endpoint, call, inFlight, serverPid);
    this.call = call;
    this.out = out;
    this.inFlightForWarmup = inFlight;
  }

  public void run(String label, int requests, int warmup) throws IOException, InterruptedException {
    ClientWarmup.run(call, inFlightForWarmup, CLIENT_WARMUP_REQUESTS);
    PhaseResult cold = phase.run("cold", requests);
    out.println(label + " " + call.method() + " " + cold.line());
    if (warmup > 0) {
      phase.run("warmup", warmup);
    }
    PhaseResult warm = phase.run("warm", requests);
    out.println(label + " " + call.method() + " " + warm.line());
    out.printf(
        "%s %s cold/warm rate %.2f%n", label, call.method(), cold.perSecond() / warm.perSecond());
  }
}

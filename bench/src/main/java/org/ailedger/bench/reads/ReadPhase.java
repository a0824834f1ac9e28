package org.ailedger.bench.reads;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.bench.load.Latencies;

/**
 * Sends one read call a fixed number of times from {@code inFlight} connections, each waiting for
 * its answer before the next request (what an SDK with a connection pool does), and measures the
 * rate, the latencies and the CPU the server and this client spent.
 */
final class ReadPhase {
  private final URI endpoint;
  private final ReadCall call;
  private final int inFlight;
  private final OptionalLong serverPid;

  ReadPhase(URI endpoint, ReadCall call, int inFlight, OptionalLong serverPid) {
    this.endpoint = endpoint;
    this.call = call;
    this.inFlight = inFlight;
    this.serverPid = serverPid;
  }

  PhaseResult run(String name, int requests) throws IOException, InterruptedException {
    List<KeepAliveConnection> connections = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      connections.add(new KeepAliveConnection(endpoint, call.body()));
    }
    AtomicInteger left = new AtomicInteger(requests);
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Latencies> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    Optional<Duration> serverBefore = serverCpu();
    Duration clientBefore = clientCpu();
    long start = System.nanoTime();
    for (KeepAliveConnection connection : connections) {
      Latencies mine = new Latencies();
      latencies.add(mine);
      threads.add(Thread.ofPlatform().start(() -> drive(connection, left, mine, failure)));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long elapsed = System.nanoTime() - start;
    Optional<Duration> serverAfter = serverCpu();
    Duration clientUsed = clientCpu().minus(clientBefore);
    for (KeepAliveConnection connection : connections) {
      connection.close();
    }
    if (failure.get() != null) {
      throw new IOException(
          call.method() + " failed: " + failure.get().getMessage(), failure.get());
    }
    Latencies all = new Latencies();
    latencies.forEach(l -> l.copyInto(all));
    return new PhaseResult(
        name,
        requests,
        Duration.ofNanos(elapsed),
        all.percentile(50),
        all.percentile(99),
        serverAfter.flatMap(after -> serverBefore.map(after::minus)),
        clientUsed);
  }

  private void drive(
      KeepAliveConnection connection,
      AtomicInteger left,
      Latencies latencies,
      AtomicReference<Exception> failure) {
    try {
      while (left.getAndDecrement() > 0 && failure.get() == null) {
        long sent = System.nanoTime();
        String answer = connection.exchange();
        latencies.add(System.nanoTime() - sent);
        if (!answer.contains("\"result\"")) {
          throw new IOException("answered without a result: " + answer);
        }
      }
    } catch (IOException | RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  private Optional<Duration> serverCpu() {
    if (serverPid.isEmpty()) {
      return Optional.empty();
    }
    return ProcessHandle.of(serverPid.getAsLong()).flatMap(p -> p.info().totalCpuDuration());
  }

  private static Duration clientCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }
}

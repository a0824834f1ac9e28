package org.ailedger.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcObserver;
import org.ailedger.node.rpc.RpcTransport;

/**
 * JSON-RPC meters in the spirit of Besu's {@code rpc_requests}/{@code rpc_request_time}: calls per
 * method, transport and outcome, and a latency histogram per method and transport.
 *
 * <p>Every meter a successful call touches is registered when the server starts, so the hot path is
 * an array index and an add. An error's counter is registered the first time that error happens for
 * that method (errors are few, and pre-registering every method × error pair would print thousands
 * of zero series); two threads racing on it both get the same meter back from the registry, so no
 * lock is needed.
 */
public final class RpcMetrics implements RpcObserver {
  /** The method label of calls naming a method this node does not serve. */
  public static final String UNSERVED_METHOD = "unknown";

  public static final String REQUESTS = "ailedger_rpc_requests";
  public static final String DURATION = "ailedger_rpc_request_duration_seconds";
  public static final String BATCHES = "ailedger_rpc_batches";
  public static final String BATCH_REQUESTS = "ailedger_rpc_batch_requests";
  public static final String BUSY = "ailedger_rpc_busy_refusals";

  /**
   * Histogram bounds: a cached read answers in well under a millisecond, a wide eth_getLogs in
   * seconds.
   */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofNanos(100_000),
    Duration.ofNanos(250_000),
    Duration.ofNanos(500_000),
    Duration.ofMillis(1),
    Duration.ofNanos(2_500_000),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2_500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private static final RpcTransport[] TRANSPORTS = RpcTransport.values();

  /** The latency histogram's bucket bounds, so a comparison can use exactly the same ones. */
  public static Duration[] latencyBuckets() {
    return LATENCY_BUCKETS.clone();
  }

  private static final RpcError[] ERRORS = RpcError.values();

  private final MeterRegistry registry;
  private final LatencyHistogramFamily durations =
      new LatencyHistogramFamily(
          DURATION,
          "time a JSON-RPC call ran on the worker pool, answered or failed",
          LATENCY_BUCKETS,
          "method",
          "transport");
  private final Counter[] batches = new Counter[TRANSPORTS.length];
  private final Counter[] batchRequests = new Counter[TRANSPORTS.length];
  private final Counter[] busy = new Counter[TRANSPORTS.length];

  public RpcMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    registry.getPrometheusRegistry().register(durations);
    for (RpcTransport transport : TRANSPORTS) {
      batches[transport.ordinal()] =
          Counter.builder(BATCHES)
              .description("JSON-RPC batches received")
              .tag("transport", label(transport))
              .register(registry);
      batchRequests[transport.ordinal()] =
          Counter.builder(BATCH_REQUESTS)
              .description("calls received inside JSON-RPC batches")
              .tag("transport", label(transport))
              .register(registry);
      busy[transport.ordinal()] =
          Counter.builder(BUSY)
              .description(
                  "request bodies refused unrun (limit exceeded) because the queue of requests"
                      + " waiting for a worker was full")
              .tag("transport", label(transport))
              .register(registry);
    }
  }

  @Override
  public MethodRecorder method(String name) {
    if (UNSERVED_METHOD.equals(name)) {
      throw new IllegalArgumentException(
          "a served method may not be named " + UNSERVED_METHOD + ": its metrics would merge");
    }
    return new Method(name, true);
  }

  @Override
  public MethodRecorder unserved() {
    return new Method(UNSERVED_METHOD, false);
  }

  @Override
  public void batch(RpcTransport transport, int size) {
    batches[transport.ordinal()].increment();
    batchRequests[transport.ordinal()].increment(size);
  }

  @Override
  public void busy(RpcTransport transport) {
    busy[transport.ordinal()].increment();
  }

  @Override
  public RpcObserver detached() {
    return new RpcMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** The label of an outcome: "ok" or the error's constant in lower case, a closed set. */
  public static String outcome(RpcError error) {
    return error.name().toLowerCase(Locale.ROOT);
  }

  private static String label(RpcTransport transport) {
    return transport.name().toLowerCase(Locale.ROOT);
  }

  /** One method's meters, per transport; the error counters fill in as errors happen. */
  private final class Method implements MethodRecorder {
    private final String name;
    private final Counter[] ok = new Counter[TRANSPORTS.length];
    private final LatencyHistogram[] latency;
    private final Counter[][] errors = new Counter[TRANSPORTS.length][ERRORS.length];

    Method(String name, boolean timed) {
      this.name = name;
      this.latency = timed ? new LatencyHistogram[TRANSPORTS.length] : null;
      for (RpcTransport transport : TRANSPORTS) {
        ok[transport.ordinal()] = counter(transport, "ok");
        if (timed) {
          latency[transport.ordinal()] = durations.child(name, label(transport));
        }
      }
    }

    @Override
    public void answered(RpcTransport transport, long nanos) {
      ok[transport.ordinal()].increment();
      time(transport, nanos);
    }

    @Override
    public void failed(RpcTransport transport, RpcError error, long nanos) {
      Counter[] byError = errors[transport.ordinal()];
      Counter counter = byError[error.ordinal()];
      if (counter == null) {
        counter = counter(transport, outcome(error));
        byError[error.ordinal()] = counter;
      }
      counter.increment();
      time(transport, nanos);
    }

    private void time(RpcTransport transport, long nanos) {
      if (latency != null) {
        latency[transport.ordinal()].record(nanos);
      }
    }

    private Counter counter(RpcTransport transport, String outcome) {
      return Counter.builder(REQUESTS)
          .description("JSON-RPC calls answered, by method, transport and outcome")
          .tag("method", name)
          .tag("transport", label(transport))
          .tag("outcome", outcome)
          .register(registry);
    }
  }
}

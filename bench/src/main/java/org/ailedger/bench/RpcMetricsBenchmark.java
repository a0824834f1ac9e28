package org.ailedger.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.metrics.RpcMetrics;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcObserver;
import org.ailedger.node.rpc.RpcTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What metrics add to one JSON-RPC call: the recorder of a method, resolved at start as the
 * dispatcher does, counting the call and recording its latency; beside it a Micrometer timer with
 * the same buckets, which it replaced. Run with {@code -t 2} too: every worker thread records into
 * the same meters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RpcMetricsBenchmark {
  private static final long CALL_NANOS = 42_000;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RpcObserver.MethodRecorder recorder =
      new RpcMetrics(registry).method("eth_blockNumber");
  private final Timer micrometerTimer =
      Timer.builder("micrometer_timer")
          .serviceLevelObjectives(RpcMetrics.latencyBuckets())
          .register(registry);

  @Benchmark
  public void answered() {
    recorder.answered(RpcTransport.HTTP, CALL_NANOS);
  }

  @Benchmark
  public void failed() {
    recorder.failed(RpcTransport.HTTP, RpcError.INVALID_PARAMS, CALL_NANOS);
  }

  @Benchmark
  public void micrometerTimer() {
    micrometerTimer.record(CALL_NANOS, TimeUnit.NANOSECONDS);
  }
}

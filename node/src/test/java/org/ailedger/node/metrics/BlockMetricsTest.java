package org.ailedger.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlockMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final BlockMetrics metrics = new BlockMetrics(registry);

  @Test
  void timingsLandInTheirOwnHistogramsInSeconds() {
    metrics.built(TimeUnit.MILLISECONDS.toNanos(40));
    metrics.imported(TimeUnit.MILLISECONDS.toNanos(3));
    metrics.imported(TimeUnit.MILLISECONDS.toNanos(7));

    assertThat(registry.get(BlockMetrics.BUILD).timer().count()).isEqualTo(1);
    assertThat(registry.get(BlockMetrics.IMPORT).timer().totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(10);
    assertThat(registry.get(BlockMetrics.EXECUTION).timer().count()).isZero();
    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("ailedger_block_build_seconds_bucket{le=\"0.025\"} 0")
        .contains("ailedger_block_build_seconds_bucket{le=\"0.05\"} 1")
        .contains("ailedger_block_import_seconds_count 2");
  }
}

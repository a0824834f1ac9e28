package org.ailedger.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.tx.TransactionRejection;
import org.ailedger.node.txpool.SubmitResult;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class PoolMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PoolMetrics metrics = new PoolMetrics(registry, 4_096);

  @Test
  void everyReasonIsReportedAtZeroBeforeAnyRejection() {
    for (RejectionReason reason : RejectionReason.values()) {
      assertThat(rejected(reason.name().toLowerCase(java.util.Locale.ROOT))).isZero();
    }
    assertThat(registry.get(PoolMetrics.CAPACITY).gauge().value()).isEqualTo(4_096);
  }

  @Test
  void admissionsAndRejectionsAreCountedByReason() {
    metrics.submitted(new SubmitResult.Accepted(Bytes32.random()));
    metrics.submitted(new SubmitResult.Accepted(Bytes32.random()));
    metrics.submitted(rejection(RejectionReason.NONCE_TOO_LOW));
    metrics.submitted(rejection(RejectionReason.WRONG_CHAIN_ID));
    metrics.submitted(rejection(RejectionReason.NONCE_TOO_LOW));

    assertThat(registry.get(PoolMetrics.ADMITTED).counter().count()).isEqualTo(2);
    assertThat(rejected("nonce_too_low")).isEqualTo(2);
    assertThat(rejected("wrong_chain_id")).isEqualTo(1);
    assertThat(rejected("already_known")).isZero();
    assertThat(registry.scrape())
        .contains("ailedger_txpool_rejected_total{reason=\"nonce_too_low\"} 2");
  }

  private double rejected(String reason) {
    return registry.get(PoolMetrics.REJECTED).tag("reason", reason).counter().count();
  }

  private static SubmitResult rejection(RejectionReason reason) {
    return new SubmitResult.Rejected(new TransactionRejection(reason, "refused: " + reason));
  }
}

package org.ailedger.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.txpool.SubmitObserver;
import org.ailedger.node.txpool.SubmitResult;

/**
 * Admissions to the pool and rejections by reason, whether the transaction came from a JSON-RPC
 * client or a peer. Every reason's counter exists from the start at zero, so a rate over it is
 * defined before the first rejection.
 */
public final class PoolMetrics implements SubmitObserver {
  public static final String ADMITTED = "ailedger_txpool_admitted";
  public static final String REJECTED = "ailedger_txpool_rejected";
  public static final String CAPACITY = "ailedger_txpool_capacity";

  private final Counter admitted;
  private final Counter[] rejected = new Counter[RejectionReason.values().length];

  public PoolMetrics(MeterRegistry registry, int capacity) {
    admitted =
        Counter.builder(ADMITTED).description("transactions the pool accepted").register(registry);
    for (RejectionReason reason : RejectionReason.values()) {
      rejected[reason.ordinal()] =
          Counter.builder(REJECTED)
              .description("transactions refused before or by the pool, by reason")
              .tag("reason", reason.name().toLowerCase(Locale.ROOT))
              .register(registry);
    }
    Gauge.builder(CAPACITY, () -> capacity)
        .description("transactions the pool holds at most")
        .register(registry);
  }

  @Override
  public void submitted(SubmitResult result) {
    switch (result) {
      case SubmitResult.Accepted accepted -> admitted.increment();
      case SubmitResult.Rejected refused ->
          rejected[refused.rejection().reason().ordinal()].increment();
    }
  }
}

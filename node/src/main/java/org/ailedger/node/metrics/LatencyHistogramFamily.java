package org.ailedger.node.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One Prometheus histogram metric ({@code _bucket}, {@code _count}, {@code _sum}) over {@link
 * LatencyHistogram}s, one per label set, read when scraped. Children are added while the server
 * starts, once per label set, so the list only grows to a fixed size.
 */
final class LatencyHistogramFamily implements Collector {
  private record Child(Labels labels, LatencyHistogram histogram) {}

  private final String name;
  private final String help;
  private final String[] labelNames;
  private final Duration[] bounds;
  private final List<Child> children = new CopyOnWriteArrayList<>();

  LatencyHistogramFamily(String name, String help, Duration[] bounds, String... labelNames) {
    this.name = name;
    this.help = help;
    this.bounds = bounds.clone();
    this.labelNames = labelNames.clone();
  }

  /** A new histogram for these label values; the caller keeps it, one per label set. */
  LatencyHistogram child(String... labelValues) {
    if (labelValues.length != labelNames.length) {
      throw new IllegalArgumentException(
          name + " takes " + labelNames.length + " label values, not " + labelValues.length);
    }
    LatencyHistogram histogram = new LatencyHistogram(bounds);
    children.add(new Child(Labels.of(labelNames, labelValues), histogram));
    return histogram;
  }

  @Override
  public MetricSnapshot collect() {
    HistogramSnapshot.Builder snapshot = HistogramSnapshot.builder().name(name).help(help);
    for (Child child : children) {
      snapshot.dataPoint(child.histogram().snapshot(child.labels()));
    }
    return snapshot.build();
  }

  @Override
  public String getPrometheusName() {
    return name;
  }
}

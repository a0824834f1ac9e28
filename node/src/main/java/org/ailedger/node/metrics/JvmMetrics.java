package org.ailedger.node.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import org.ailedger.node.chain.Registration;

/**
 * The process's own meters under Micrometer's standard names ({@code jvm_memory_used_bytes}, {@code
 * jvm_gc_pause_seconds}, {@code jvm_threads_live_threads}, {@code process_cpu_usage}, …), which the
 * common JVM dashboards already read.
 */
public final class JvmMetrics {
  private JvmMetrics() {}

  /** Binds them; closing the handle stops the GC listener, the one binder that holds resources. */
  public static Registration bind(MeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return gc::close;
  }
}

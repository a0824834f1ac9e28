package org.ailedger.node.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Timeouts that fire only when the test advances time. */
public final class ManualTimeouts implements Timeouts {
  private static final class Entry {
    final long due;
    final Runnable task;
    boolean cancelled;

    Entry(long due, Runnable task) {
      this.due = due;
      this.task = task;
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private long now;

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Entry entry = new Entry(now + delay.toNanos(), task);
    entries.add(entry);
    return () -> entry.cancelled = true;
  }

  void advance(Duration by) {
    List<Entry> due = new ArrayList<>();
    synchronized (this) {
      now += by.toNanos();
      for (Entry e : List.copyOf(entries)) {
        if (e.due <= now) {
          entries.remove(e);
          if (!e.cancelled) {
            due.add(e);
          }
        }
      }
    }
    due.forEach(e -> e.task.run());
  }

  synchronized long pending() {
    return entries.stream().filter(e -> !e.cancelled).count();
  }
}

package org.ailedger.node.consensus.qbft.statemachine;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Messages for heights this node has not reached, replayed when it gets there. Bounded as Besu
 * bounds it: heights at most futuremessagesmaxdistance ahead, at most futuremessageslimit messages,
 * and a byte budget; when over, the farthest height goes first, since it is the least likely to be
 * needed.
 */
final class FutureMessageBuffer<T> {
  /** Besu 26.7.1's total-byte budget (PR #10897). */
  static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

  private final NavigableMap<Long, List<Entry<T>>> byHeight = new TreeMap<>();
  private final int maxDistance;
  private final int limit;
  private int count;
  private long bytes;

  private record Entry<T>(T message, long size) {}

  FutureMessageBuffer(int maxDistance, int limit) {
    if (maxDistance < 1 || limit < 1) {
      throw new IllegalArgumentException("future message bounds must be positive");
    }
    this.maxDistance = maxDistance;
    this.limit = limit;
  }

  /** Holds {@code message} for {@code height} if it is ahead of {@code current} and in range. */
  void add(long current, long height, T message, long size) {
    if (height <= current || height > current + maxDistance) {
      return;
    }
    byHeight.computeIfAbsent(height, h -> new ArrayList<>()).add(new Entry<>(message, size));
    count++;
    bytes += size;
    while (count > 0 && (count > limit || bytes > MAX_TOTAL_BYTES)) {
      evict();
    }
  }

  /** The messages held for {@code height}; those for it and below are forgotten. */
  List<T> take(long height) {
    List<T> ready = new ArrayList<>();
    while (!byHeight.isEmpty() && byHeight.firstKey() <= height) {
      var first = byHeight.pollFirstEntry();
      for (Entry<T> e : first.getValue()) {
        count--;
        bytes -= e.size();
        if (first.getKey() == height) {
          ready.add(e.message());
        }
      }
    }
    return ready;
  }

  int size() {
    return count;
  }

  private void evict() {
    if (byHeight.size() > 1) {
      for (Entry<T> e : byHeight.pollLastEntry().getValue()) {
        count--;
        bytes -= e.size();
      }
    } else {
      List<Entry<T>> only = byHeight.firstEntry().getValue();
      Entry<T> oldest = only.remove(0);
      count--;
      bytes -= oldest.size();
      if (only.isEmpty()) {
        byHeight.clear();
      }
    }
  }
}

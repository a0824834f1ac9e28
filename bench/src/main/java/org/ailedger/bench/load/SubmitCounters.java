package org.ailedger.bench.load;

import java.util.concurrent.atomic.LongAdder;

/** What the senders did, counted across all of them. */
public final class SubmitCounters {
  private final LongAdder requests = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder acceptedInWindow = new LongAdder();
  private final LongAdder windowFullWaits = new LongAdder();
  private final LongAdder sendersStopped = new LongAdder();
  private final LongAdder sendersExhausted = new LongAdder();
  private final Rejections rejections = new Rejections();
  private final Latencies answers = new Latencies();

  void request() {
    requests.increment();
  }

  void accepted(boolean inWindow) {
    accepted.increment();
    if (inWindow) {
      acceptedInWindow.increment();
    }
  }

  /** How long one request took to answer, counted when it was sent inside the window. */
  synchronized void answered(long nanos) {
    answers.add(nanos);
  }

  /** The answer times of the window's requests: what a wallet waits for on a submission. */
  public synchronized Latencies answers() {
    return answers.copy();
  }

  void windowFull() {
    windowFullWaits.increment();
  }

  void senderStopped() {
    sendersStopped.increment();
  }

  void senderExhausted() {
    sendersExhausted.increment();
  }

  public Rejections rejections() {
    return rejections;
  }

  public long requests() {
    return requests.sum();
  }

  public long accepted() {
    return accepted.sum();
  }

  public long acceptedInWindow() {
    return acceptedInWindow.sum();
  }

  /** Times a sender had to wait for a block because its whole window was in flight. */
  public long windowFullWaits() {
    return windowFullWaits.sum();
  }

  public long sendersStopped() {
    return sendersStopped.sum();
  }

  /** Senders that sent every transaction signed for them before the run ended. */
  public long sendersExhausted() {
    return sendersExhausted.sum();
  }
}

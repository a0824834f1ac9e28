package org.ailedger.node.p2p.rlpx;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The devp2p keep-alive Besu runs: read-idle for one interval sends a Ping; still nothing read
 * after another interval ends the connection with TIMEOUT. Any byte read counts as life, not only a
 * Pong. Runs on the connection's event loop.
 */
final class KeepAlive {
  private final Vertx vertx;
  private final long intervalNanos;
  private final Runnable ping;
  private final Runnable timedOut;
  private long lastReadNanos = System.nanoTime();
  private boolean awaitingAnswer;
  private long timer = -1;
  private boolean running;

  KeepAlive(Vertx vertx, Duration interval, Runnable ping, Runnable timedOut) {
    this.vertx = vertx;
    this.intervalNanos = interval.toNanos();
    this.ping = ping;
    this.timedOut = timedOut;
  }

  void start() {
    running = true;
    schedule(intervalNanos);
  }

  void bytesRead() {
    lastReadNanos = System.nanoTime();
    awaitingAnswer = false;
  }

  void stop() {
    running = false;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void schedule(long delayNanos) {
    long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos));
    timer = vertx.setTimer(millis, id -> check());
  }

  private void check() {
    timer = -1;
    if (!running) {
      return;
    }
    long idle = System.nanoTime() - lastReadNanos;
    if (idle < intervalNanos) {
      schedule(intervalNanos - idle);
    } else if (awaitingAnswer) {
      running = false;
      timedOut.run();
    } else {
      awaitingAnswer = true;
      ping.run();
      schedule(intervalNanos);
    }
  }
}

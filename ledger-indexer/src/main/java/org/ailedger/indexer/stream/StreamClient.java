package org.ailedger.indexer.stream;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import org.ailedger.indexer.store.EventId;
import org.ailedger.indexer.store.OutboxEntry;
import org.ailedger.indexer.store.OutboxFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open stream: its response, its filter and the last event id it has passed (sent, or skipped
 * by its filter). It first replays from the outbox at its own pace, then goes live and takes what
 * the {@link EventStreams} hub reads for everyone. Confined to the hub's event loop.
 */
final class StreamClient {
  private static final Logger LOG = LoggerFactory.getLogger(StreamClient.class);
  static final String MEDIA_TYPE = "text/event-stream";

  enum State {
    REPLAYING,
    LIVE,
    CLOSED
  }

  private final HttpServerResponse response;
  private final OutboxFilter filter;
  private EventId position;
  private State state;

  StreamClient(HttpServerResponse response, OutboxFilter filter, EventId position, State state) {
    this.response = response;
    this.filter = filter;
    this.position = position;
    this.state = state;
  }

  /**
   * Sends the headers and the preamble, with the write-queue bound set; {@code onClose} runs when
   * the connection goes, whoever ends it.
   */
  void begin(int writeQueueBytes, Runnable onClose) {
    response.closeHandler(nothing -> onClose.run());
    response.exceptionHandler(failure -> LOG.debug("event stream failed: {}", failure.toString()));
    response
        .setChunked(true)
        .setWriteQueueMaxSize(writeQueueBytes)
        .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        // buffering proxies that honour this header pass each event on at once
        .putHeader("X-Accel-Buffering", "no");
    response.write(StreamFrame.PREAMBLE);
  }

  OutboxFilter filter() {
    return filter;
  }

  EventId position() {
    return position;
  }

  State state() {
    return state;
  }

  void goLive() {
    if (state == State.REPLAYING) {
      state = State.LIVE;
    }
  }

  /** Sends a replayed entry: the outbox read already applied the filter. */
  void replay(OutboxEntry entry) {
    send(entry);
  }

  /** Everything up to {@code newest} has been replayed; nothing more matched. */
  void passed(EventId newest) {
    if (newest.isAfter(position)) {
      position = newest;
    }
  }

  /**
   * Takes an entry the hub read live: skipped if this client passed it already (its replay reached
   * further than the hub) or its filter does not want it. A client whose connection cannot take it
   * is disconnected rather than buffered without bound; it resumes with {@code Last-Event-ID}.
   */
  void offerLive(OutboxEntry entry) {
    if (state != State.LIVE || !EventId.of(entry).isAfter(position)) {
      return;
    }
    if (filter.matches(entry)) {
      send(entry);
      if (response.writeQueueFull()) {
        disconnect("too slow: its connection holds a full write queue at " + position);
      }
    } else {
      position = EventId.of(entry);
    }
  }

  void heartbeat() {
    if (state == State.CLOSED || response.closed() || response.writeQueueFull()) {
      // a full queue means events are still on their way; a live client is checked when offered
      return;
    }
    response.write(StreamFrame.HEARTBEAT);
  }

  boolean writeQueueFull() {
    return response.writeQueueFull();
  }

  /**
   * Runs {@code next} once the connection drains, or disconnects the client if it has not drained
   * within {@code stall} (then {@code stalled} runs): a client that stopped reading must not hold
   * its slot for ever.
   */
  void onDrain(Vertx vertx, Duration stall, Runnable next, Runnable stalled) {
    long timer =
        vertx.setTimer(
            stall.toMillis(),
            id -> {
              response.drainHandler(null);
              disconnect("its replay stalled: its connection took nothing for " + stall);
              stalled.run();
            });
    response.drainHandler(
        nothing -> {
          response.drainHandler(null);
          vertx.cancelTimer(timer);
          next.run();
        });
  }

  /** Ends the stream at once; the client reconnects and resumes after what it received. */
  void disconnect(String reason) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    LOG.debug("event stream closed: {}", reason);
    if (!response.closed()) {
      // a reset closes the connection without waiting for the queued bytes to drain
      response.reset();
    }
  }

  /** The connection went away by itself. */
  void closed() {
    state = State.CLOSED;
  }

  private void send(OutboxEntry entry) {
    position = EventId.of(entry);
    if (!response.closed()) {
      response.write(StreamFrame.of(entry));
    }
  }
}

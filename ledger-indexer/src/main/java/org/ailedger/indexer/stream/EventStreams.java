package org.ailedger.indexer.stream;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ailedger.indexer.store.CommitListener;
import org.ailedger.indexer.store.Cursor;
import org.ailedger.indexer.store.EventId;
import org.ailedger.indexer.store.Outbox;
import org.ailedger.indexer.store.OutboxFilter;
import org.ailedger.indexer.store.OutboxPage;
import org.ailedger.indexer.store.QueryPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open event stream, fed from the outbox. Each client first replays the entries after its
 * {@code Last-Event-ID} at its own pace (reads on the {@link QueryPool}, the next page once its
 * connection drains), then joins the live tail: one shared read of the outbox per commit of the
 * ingester, which wakes the hub as its {@link CommitListener}. A client passes each event id once,
 * in chain order, whether from its replay or the live tail, so it sees no gap and no duplicate.
 *
 * <p>All state is confined to the event loop of the context given to {@link #attach}; only {@link
 * #committed} is called from elsewhere (the ingester's thread).
 */
public final class EventStreams implements CommitListener {
  private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);
  private static final Duration READ_RETRY = Duration.ofSeconds(1);

  private final StreamConfig config;
  private final QueryPool pool;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private volatile Context context;
  private Future<Void> attached = Future.failedFuture("the event streams are not attached");

  // changed on the context only; concurrent so that openStreams() may be read from anywhere
  private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
  private final AtomicInteger opening = new AtomicInteger();

  // confined to the context
  private EventId tail;
  private boolean reading;
  private boolean readAgain;
  private long heartbeatTimer = -1;
  private boolean detached;

  public EventStreams(StreamConfig config, QueryPool pool) {
    this.config = config;
    this.pool = pool;
  }

  /**
   * Binds the hub to the calling verticle's context, starts heartbeats and reads where the outbox
   * ends now: a client that does not resume starts there.
   */
  public Future<Void> attach(Vertx vertx) {
    if (context != null) {
      throw new IllegalStateException("the event streams are attached already");
    }
    context = vertx.getOrCreateContext();
    heartbeatTimer = vertx.setPeriodic(config.heartbeat().toMillis(), id -> heartbeat());
    attached =
        pool.read(queries -> queries.read(Outbox::newest))
            .map(
                newest -> {
                  tail = newest.orElse(EventId.ORIGIN);
                  if (readAgain) {
                    readLive();
                  }
                  return null;
                });
    return attached;
  }

  /** Stops heartbeats and ends every stream (the server is going away). */
  public void detach(Vertx vertx) {
    detached = true;
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
    }
    List.copyOf(clients).forEach(client -> client.disconnect("the indexer stops"));
    clients.clear();
  }

  /** Streams open now, including those still reading their first page; any thread may ask. */
  public int openStreams() {
    return clients.size() + opening.get();
  }

  @Override
  public void committed(Cursor cursor) {
    Context bound = context;
    // coalesced: a burst of commits while the hub is busy costs one more read, not one each
    if (bound != null && wakePending.compareAndSet(false, true)) {
      bound.runOnContext(
          nothing -> {
            wakePending.set(false);
            readLive();
          });
    }
  }

  /**
   * Opens a stream on {@code response} (not yet written) for the events matching {@code filter}:
   * after {@code resumeAfter} if given, else from now on. Call it on the attached context. A
   * refused stream leaves the response untouched for the caller to answer.
   */
  public Future<Admission> open(
      HttpServerResponse response, Optional<EventId> resumeAfter, OutboxFilter filter) {
    // a request may come in while the hub still reads where the outbox ends
    return attached.compose(ready -> openAttached(response, resumeAfter, filter));
  }

  private Future<Admission> openAttached(
      HttpServerResponse response, Optional<EventId> resumeAfter, OutboxFilter filter) {
    if (openStreams() >= config.maxClients()) {
      return Future.succeededFuture(new Admission.TooManyClients(config.maxClients()));
    }
    opening.incrementAndGet();
    return pool.read(
            queries ->
                queries.read(
                    connection -> {
                      // a new client starts after everything committed when it came
                      EventId indexed = Outbox.afterCursor(connection);
                      EventId after = resumeAfter.orElse(indexed);
                      return new FirstPage(
                          after,
                          indexed,
                          Outbox.page(connection, after, filter, config.pageSize()));
                    }))
        .andThen(read -> opening.decrementAndGet())
        .map(
            first -> {
              EventId after = first.after();
              if (after.blockNumber() > first.indexed().blockNumber()) {
                // only a reset store or another chain hands out such an id: refused, not waited
                // for, since waiting would skip every event up to it unseen
                return new Admission.IdAhead(
                    after,
                    first.indexed().equals(EventId.ORIGIN)
                        ? Optional.empty()
                        : Optional.of(first.indexed().blockNumber()));
              }
              if (OutboxPage.missesEventsAfter(after, first.page().retainedFromBlock())) {
                return new Admission.EventsPruned(after, first.page().retainedFromBlock());
              }
              if (response.closed()) {
                return new Admission.Admitted(); // gone while its first page was read
              }
              StreamClient client =
                  new StreamClient(response, filter, after, StreamClient.State.REPLAYING);
              start(client);
              replayed(client, after, first.page());
              return new Admission.Admitted();
            });
  }

  /**
   * @param indexed just after the last indexed block's events ({@link Outbox#afterCursor})
   */
  private record FirstPage(EventId after, EventId indexed, OutboxPage page) {}

  private void start(StreamClient client) {
    clients.add(client);
    client.begin(
        config.writeQueueBytes(),
        () -> {
          client.closed();
          clients.remove(client);
        });
  }

  private void replayed(StreamClient client, EventId readAfter, OutboxPage page) {
    if (client.state() == StreamClient.State.CLOSED) {
      clients.remove(client);
      return;
    }
    if (OutboxPage.missesEventsAfter(readAfter, page.retainedFromBlock())) {
      // pruned while it replayed: on reconnecting it is told so
      client.disconnect("events after " + readAfter + " were pruned during its replay");
      clients.remove(client);
      return;
    }
    page.entries().forEach(client::replay);
    if (page.complete()) {
      page.newest().ifPresent(client::passed);
      if (!tail.isAfter(client.position())) {
        client.goLive();
        return;
      }
    }
    if (client.writeQueueFull()) {
      client.onDrain(
          context.owner(),
          config.replayStall(),
          () -> replayNext(client),
          () -> clients.remove(client));
    } else {
      replayNext(client);
    }
  }

  private void replayNext(StreamClient client) {
    if (client.state() == StreamClient.State.CLOSED) {
      clients.remove(client);
      return;
    }
    EventId after = client.position();
    read(after, client.filter())
        .onSuccess(page -> replayed(client, after, page))
        .onFailure(
            failure -> {
              LOG.warn("an event stream's replay failed: {}", failure.getMessage());
              client.disconnect("its replay failed");
              clients.remove(client);
            });
  }

  /** Reads what the ingester committed since the tail and hands it to every live client. */
  private void readLive() {
    if (detached) {
      return;
    }
    if (tail == null || reading) {
      readAgain = true;
      return;
    }
    reading = true;
    readAgain = false;
    EventId after = tail;
    read(after, OutboxFilter.ALL)
        .onComplete(
            result -> {
              reading = false;
              if (result.failed()) {
                LOG.warn(
                    "reading the outbox for the event streams failed: {}; retrying",
                    result.cause().getMessage());
                Vertx.currentContext().owner().setTimer(READ_RETRY.toMillis(), id -> readLive());
                return;
              }
              dispatch(after, result.result());
              if (!result.result().complete() || readAgain) {
                readLive();
              }
            });
  }

  private void dispatch(EventId after, OutboxPage page) {
    List<StreamClient> live =
        clients.stream().filter(c -> c.state() == StreamClient.State.LIVE).toList();
    if (OutboxPage.missesEventsAfter(after, page.retainedFromBlock())) {
      // the tail fell further behind than the outbox keeps: live clients would miss events, so
      // they are sent away to resume, and learn of the gap when they do
      if (!live.isEmpty()) {
        LOG.warn(
            "the event streams fell behind the outbox's retention (block {}); {} live stream(s)"
                + " restart",
            page.retainedFromBlock(),
            live.size());
      }
      live.forEach(c -> c.disconnect("the live tail fell behind retention"));
      live.forEach(clients::remove);
      tail = page.newest().orElse(tail);
      return;
    }
    for (StreamClient client : live) {
      page.entries().forEach(client::offerLive);
      if (client.state() == StreamClient.State.CLOSED) {
        clients.remove(client);
      }
    }
    if (!page.entries().isEmpty()) {
      tail = EventId.of(page.entries().getLast());
    }
    if (page.complete()) {
      page.newest().filter(newest -> newest.isAfter(tail)).ifPresent(newest -> tail = newest);
    }
  }

  private Future<OutboxPage> read(EventId after, OutboxFilter filter) {
    return pool.read(
        queries ->
            queries.read(connection -> Outbox.page(connection, after, filter, config.pageSize())));
  }

  private void heartbeat() {
    clients.forEach(StreamClient::heartbeat);
  }
}

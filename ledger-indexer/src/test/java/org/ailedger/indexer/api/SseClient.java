package org.ailedger.indexer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Server-Sent-Events client over the JDK's HTTP client, parsing the stream as the EventSource
 * specification does (fields up to an empty line make an event; lines starting with a colon are
 * comments), on a reader thread of its own.
 */
final class SseClient implements AutoCloseable {
  record Event(String id, String event, String data) {}

  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final AtomicInteger comments = new AtomicInteger();
  private volatile boolean ended;
  private volatile String lastId;

  private SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    if (response.statusCode() == 200) {
      Thread reader = new Thread(this::read, "sse-client");
      reader.setDaemon(true);
      reader.start();
    }
  }

  /** Opens the stream; {@code lastEventId} is sent as the header when not null. */
  static SseClient open(HttpClient http, URI uri, String lastEventId) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
  }

  int status() {
    return response.statusCode();
  }

  String contentType() {
    return response.headers().firstValue("content-type").orElse("");
  }

  /** The whole body of a refused stream (a problem). */
  String body() throws IOException {
    try (InputStream in = response.body()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The next {@code count} events, failing if they do not all come within {@code timeout}. */
  List<Event> take(int count, Duration timeout) throws InterruptedException {
    List<Event> taken = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (taken.size() < count) {
      Event next = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(next)
          .as("event %d of %d within %s (got %s)", taken.size() + 1, count, timeout, taken)
          .isNotNull();
      taken.add(next);
    }
    return taken;
  }

  /** Asserts that no event arrives within {@code wait}. */
  void assertNoEventWithin(Duration wait) throws InterruptedException {
    assertThat(events.poll(wait.toMillis(), TimeUnit.MILLISECONDS)).isNull();
  }

  int comments() {
    return comments.get();
  }

  boolean ended() {
    return ended;
  }

  /** The id of the last complete event received, as EventSource keeps it. */
  String lastEventId() {
    return lastId;
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String event = null;
      StringBuilder data = null;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (data != null) {
            lastId = id;
            events.add(new Event(id, event, data.toString()));
          }
          event = null;
          data = null;
        } else if (line.startsWith(":")) {
          comments.incrementAndGet();
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = data == null ? new StringBuilder() : data.append('\n');
          data.append(line.substring(6));
        }
      }
    } catch (IOException closed) {
      // closed by the test or the server
    } finally {
      ended = true;
    }
  }

  @Override
  public void close() throws IOException {
    response.body().close();
  }

  static URI uri(int port, String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }
}

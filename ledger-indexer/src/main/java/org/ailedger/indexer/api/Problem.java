package org.ailedger.indexer.api;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * An RFC 7807 problem: what a client is told when a request fails. The {@code type} names the kind
 * of failure so that clients can branch on it; {@code detail} says what to change.
 *
 * @param status the HTTP status
 * @param type the problem's kind, a URN under {@code urn:ailedger:problem:}
 * @param title a fixed summary of the kind
 * @param detail this occurrence, in words a client can act on
 * @param extensions further members (e.g. how far behind the indexer is)
 */
public record Problem(
    int status, String type, String title, String detail, Map<String, Object> extensions) {
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:ailedger:problem:";

  public Problem {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("a problem is a 4xx or 5xx status, not " + status);
    }
    if (type == null || !type.startsWith(TYPE_PREFIX)) {
      throw new IllegalArgumentException("problem type outside " + TYPE_PREFIX + ": " + type);
    }
    if (title == null || detail == null) {
      throw new IllegalArgumentException("a problem has a title and a detail");
    }
    extensions = Map.copyOf(extensions);
  }

  static Problem badParameter(String detail) {
    return of(400, "bad-parameter", "Bad request parameter", detail);
  }

  static Problem notFound(String detail) {
    return of(404, "not-found", "Not found", detail);
  }

  static Problem methodNotAllowed(String detail) {
    return of(405, "method-not-allowed", "Method not allowed", detail);
  }

  static Problem notIndexedYet(String detail, Map<String, Object> extensions) {
    return new Problem(503, TYPE_PREFIX + "not-indexed-yet", "Not indexed yet", detail, extensions);
  }

  static Problem tooManyStreams(String detail, int limit) {
    return new Problem(
        503, TYPE_PREFIX + "too-many-streams", "Too many streams", detail, Map.of("limit", limit));
  }

  static Problem eventsPruned(String detail, Map<String, Object> extensions) {
    return new Problem(410, TYPE_PREFIX + "events-pruned", "Events pruned", detail, extensions);
  }

  static Problem lastEventIdAhead(String detail, Map<String, Object> extensions) {
    return new Problem(
        400, TYPE_PREFIX + "last-event-id-ahead", "Last event id ahead", detail, extensions);
  }

  static Problem internal() {
    return of(
        500,
        "internal",
        "Internal error",
        "the indexer failed to answer; the failure is in its log");
  }

  private static Problem of(int status, String kind, String title, String detail) {
    return new Problem(status, TYPE_PREFIX + kind, title, detail, Map.of());
  }

  /** The body, with {@code instance} naming the request path it answers. */
  JsonObject json(String instance) {
    JsonObject json =
        new JsonObject()
            .put("type", type)
            .put("title", title)
            .put("status", status)
            .put("detail", detail)
            .put("instance", instance);
    extensions.forEach(json::put);
    return json;
  }
}

package org.ailedger.indexer.api;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ailedger.indexer.event.EthAddress;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A request's path and query parameters, checked at the edge: every query parameter must be one the
 * route knows, and every value well-formed, or the request is answered with a 400 problem before
 * the store is asked anything.
 */
final class RequestParams {
  static final String MIN_BLOCK = "minBlock";
  static final String CURSOR = "cursor";
  static final String LIMIT = "limit";

  /** What every route accepts. */
  static final Set<String> SINGLE = Set.of(MIN_BLOCK);

  /** What every list accepts. */
  static final Set<String> LIST = Set.of(MIN_BLOCK, CURSOR, LIMIT);

  static final String FROM_BLOCK = "fromBlock";
  static final String TO_BLOCK = "toBlock";
  static final String FROM_TIME = "fromTime";
  static final String TO_TIME = "toTime";
  static final String ORDER = "order";

  /** What a list accepts that can be cut to a block or time range and read in either order. */
  static final Set<String> RANGED_LIST =
      Set.of(MIN_BLOCK, CURSOR, LIMIT, FROM_BLOCK, TO_BLOCK, FROM_TIME, TO_TIME, ORDER);

  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]*");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");

  private final Map<String, String> path;
  private final MultiMap query;

  private RequestParams(Map<String, String> path, MultiMap query) {
    this.path = path;
    this.query = query;
  }

  /**
   * The parameters of a request to a route that accepts {@code allowed} query parameters.
   *
   * @throws ProblemException naming every unknown or repeated query parameter
   */
  static RequestParams of(Map<String, String> path, MultiMap query, Set<String> allowed) {
    return of(path, query, allowed, Set.of());
  }

  /** As {@link #of(Map, MultiMap, Set)}, but the parameters {@code repeatable} may repeat. */
  static RequestParams of(
      Map<String, String> path, MultiMap query, Set<String> allowed, Set<String> repeatable) {
    Set<String> unknown = new TreeSet<>();
    for (String name : query.names()) {
      if (!allowed.contains(name)) {
        unknown.add(name);
      } else if (query.getAll(name).size() > 1 && !repeatable.contains(name)) {
        throw problem(name + " is given more than once");
      }
    }
    if (!unknown.isEmpty()) {
      throw problem(
          "unknown query parameter(s) "
              + unknown
              + "; this path accepts "
              + new TreeSet<>(allowed));
    }
    return new RequestParams(Map.copyOf(path), query);
  }

  /** A 32-byte id in the path, as lower-case hex. */
  Bytes32 id(String name) {
    Bytes bytes = hex(name, path.get(name), Bytes32.SIZE);
    return Bytes32.wrap(bytes);
  }

  /** A 20-byte address in the path. */
  EthAddress address(String name) {
    return new EthAddress(hex(name, path.get(name), EthAddress.SIZE));
  }

  /** A non-negative integer in the path (a round, a proposal id). */
  long number(String name) {
    return decimal(name, path.get(name));
  }

  /** The block the client wants reflected at least, if it asked. */
  Optional<Long> minBlock() {
    String value = query.get(MIN_BLOCK);
    return value == null ? Optional.empty() : Optional.of(decimal(MIN_BLOCK, value));
  }

  /** Every value of a query parameter, in order; empty if absent. */
  List<String> all(String name) {
    return query.getAll(name);
  }

  /** The page a list request asks for. */
  Page page() {
    String token = query.get(CURSOR);
    Optional<PageKey> after = Optional.empty();
    if (token != null) {
      after = PageKey.parse(token);
      if (after.isEmpty()) {
        throw problem("cursor " + quoted(token) + " is not one this indexer issued");
      }
    }
    String limitValue = query.get(LIMIT);
    int limit = Page.DEFAULT_LIMIT;
    if (limitValue != null) {
      if (!DECIMAL.matcher(limitValue).matches()
          || Long.parseLong(limitValue) < 1
          || Long.parseLong(limitValue) > Page.MAX_LIMIT) {
        throw problem(
            "limit must be an integer in 1.." + Page.MAX_LIMIT + ", not " + quoted(limitValue));
      }
      limit = Integer.parseInt(limitValue);
    }
    return new Page(after, limit);
  }

  /** The range, order (oldest first unless asked) and page a ranged list request asks for. */
  ListQuery listQuery() {
    return listQuery(Order.ASC);
  }

  /** The range, order and page a ranged list request asks for, in {@code byDefault} order. */
  ListQuery listQuery(Order byDefault) {
    BlockRange range;
    try {
      range =
          new BlockRange(
              optionalDecimal(FROM_BLOCK),
              optionalDecimal(TO_BLOCK),
              optionalTime(FROM_TIME),
              optionalTime(TO_TIME));
    } catch (IllegalArgumentException e) {
      throw problem(e.getMessage());
    }
    Order order = byDefault;
    String orderValue = query.get(ORDER);
    if (orderValue != null) {
      order =
          Order.parse(orderValue)
              .orElseThrow(() -> problem("order must be asc or desc, not " + quoted(orderValue)));
    }
    return new ListQuery(page(), range, order);
  }

  /** A query parameter's raw value, if given; the caller checks its form. */
  Optional<String> text(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /** The bad-parameter problem a caller throws for a value it cannot accept. */
  static ProblemException badValue(String name, String value, String expected) {
    return problem(name + " must be " + expected + ", not " + quoted(value));
  }

  private Optional<Long> optionalDecimal(String name) {
    String value = query.get(name);
    return value == null ? Optional.empty() : Optional.of(decimal(name, value));
  }

  /** Unix seconds, or an ISO-8601 instant such as 2025-01-31T00:00:00Z. */
  private Optional<Long> optionalTime(String name) {
    String value = query.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (DECIMAL.matcher(value).matches()) {
      return Optional.of(Long.parseLong(value));
    }
    try {
      return Optional.of(Instant.parse(value).getEpochSecond());
    } catch (DateTimeParseException e) {
      throw badValue(name, value, "unix seconds or an ISO-8601 instant (2025-01-31T00:00:00Z)");
    }
  }

  private static Bytes hex(String name, String value, int size) {
    if (value == null || !HEX.matcher(value).matches() || value.length() != 2 + 2 * size) {
      throw problem(
          name + " must be 0x followed by " + 2 * size + " hex digits, not " + quoted(value));
    }
    return Bytes.fromHexString(value);
  }

  private static long decimal(String name, String value) {
    if (value == null || !DECIMAL.matcher(value).matches()) {
      throw problem(name + " must be a non-negative decimal integer, not " + quoted(value));
    }
    return Long.parseLong(value);
  }

  /** A client's value, cut short: problems echo it, and a huge one must not bloat the answer. */
  static String quoted(String value) {
    if (value == null) {
      return "nothing";
    }
    return "\"" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "\"";
  }

  static ProblemException problem(String detail) {
    return new ProblemException(Problem.badParameter(detail));
  }
}

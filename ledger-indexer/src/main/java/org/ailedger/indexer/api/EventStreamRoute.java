package org.ailedger.indexer.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ailedger.indexer.event.EventCatalogue;
import org.ailedger.indexer.event.EventType;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.indexer.store.EventId;
import org.ailedger.indexer.store.OutboxFilter;
import org.ailedger.indexer.stream.Admission;
import org.ailedger.indexer.stream.ContractName;
import org.ailedger.indexer.stream.EventStreams;

/**
 * {@code GET /v1/events/stream}: checks the filter and the resume position on the event loop (a 400
 * problem for anything unknown), then hands the response to the {@link EventStreams}, or answers
 * its refusal as a problem.
 */
final class EventStreamRoute implements Handler<RoutingContext> {
  static final String CONTRACT = "contract";
  static final String TYPE = "type";
  static final String LAST_EVENT_ID = "lastEventId";
  static final String LAST_EVENT_ID_HEADER = "Last-Event-ID";
  private static final Set<String> REPEATABLE = Set.of(CONTRACT, TYPE);
  private static final Set<String> ALLOWED = Set.of(CONTRACT, TYPE, LAST_EVENT_ID);

  private final EventStreams streams;
  private final List<EventType> types = EventCatalogue.nativeContracts();

  EventStreamRoute(EventStreams streams) {
    this.streams = streams;
  }

  @Override
  public void handle(RoutingContext context) {
    RequestParams params =
        RequestParams.of(context.pathParams(), context.queryParams(), ALLOWED, REPEATABLE);
    Set<NativeContract> contracts = new LinkedHashSet<>();
    for (String value : values(params, CONTRACT)) {
      contracts.add(
          ContractName.parse(value)
              .orElseThrow(
                  () ->
                      RequestParams.problem(
                          "contract "
                              + RequestParams.quoted(value)
                              + " is none of "
                              + contractNames()
                              + " nor one of their addresses")));
    }
    Set<String> events = new LinkedHashSet<>();
    for (String value : values(params, TYPE)) {
      Optional<EventType> type = types.stream().filter(t -> t.name().equals(value)).findFirst();
      if (type.isEmpty()) {
        throw RequestParams.problem(
            "type " + RequestParams.quoted(value) + " is no event of the native contracts");
      }
      if (!contracts.isEmpty() && !contracts.contains(type.get().contract())) {
        throw RequestParams.problem(
            "type "
                + value
                + " is an event of "
                + ContractName.of(type.get().contract())
                + ", which the contract filter excludes");
      }
      events.add(value);
    }
    Optional<EventId> resumeAfter = resumeAfter(context, params);
    streams
        .open(context.response(), resumeAfter, new OutboxFilter(contracts, events))
        .onSuccess(admission -> answer(context, admission))
        .onFailure(context::fail);
  }

  private static void answer(RoutingContext context, Admission admission) {
    switch (admission) {
      case Admission.Admitted admitted -> {}
      case Admission.TooManyClients full ->
          context.fail(
              new ProblemException(
                  Problem.tooManyStreams(
                      "all " + full.limit() + " event streams are taken; try again later",
                      full.limit())));
      case Admission.EventsPruned pruned ->
          context.fail(
              new ProblemException(
                  Problem.eventsPruned(
                      "events after "
                          + pruned.after()
                          + " are no longer kept for the stream (it keeps blocks from "
                          + pruned.retainedFromBlock()
                          + " on); read what you missed from the REST API, then open the stream"
                          + " without a last event id",
                      Map.of(
                          LAST_EVENT_ID,
                          pruned.after().toString(),
                          "retainedFromBlock",
                          pruned.retainedFromBlock()))));
      case Admission.IdAhead ahead -> {
        Map<String, Object> extensions = new HashMap<>();
        extensions.put(LAST_EVENT_ID, ahead.after().toString());
        ahead.indexedBlock().ifPresent(block -> extensions.put("indexedBlock", block));
        context.fail(
            new ProblemException(
                Problem.lastEventIdAhead(
                    "the last event id "
                        + ahead.after()
                        + " is after the last indexed block ("
                        + ahead.indexedBlock().map(String::valueOf).orElse("none yet")
                        + "): it is not from this indexer's chain as it stands (a reset store,"
                        + " another indexer or chain); read the REST API and open the stream"
                        + " without a last event id, or retry once the indexer has passed it",
                    extensions)));
      }
    }
  }

  /** The header a reconnecting EventSource sends wins over the query of its original URL. */
  private static Optional<EventId> resumeAfter(RoutingContext context, RequestParams params) {
    String header = context.request().getHeader(LAST_EVENT_ID_HEADER);
    boolean fromHeader = header != null && !header.isBlank();
    String name = fromHeader ? LAST_EVENT_ID_HEADER : LAST_EVENT_ID;
    String value =
        fromHeader ? header : params.all(LAST_EVENT_ID).stream().findFirst().orElse(null);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(
        EventId.parse(value.trim())
            .orElseThrow(
                () ->
                    RequestParams.problem(
                        name
                            + " must be an event id block:logIndex, e.g. 12:0, not "
                            + RequestParams.quoted(value))));
  }

  /** A parameter's values, repeated or comma separated. */
  private static List<String> values(RequestParams params, String name) {
    List<String> values =
        params.all(name).stream()
            .flatMap(v -> List.of(v.split(",", -1)).stream())
            .map(String::trim)
            .toList();
    if (values.stream().anyMatch(String::isEmpty)) {
      throw RequestParams.problem(name + " has an empty value");
    }
    return values;
  }

  private static Set<String> contractNames() {
    return java.util.Arrays.stream(NativeContract.values())
        .map(ContractName::of)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}

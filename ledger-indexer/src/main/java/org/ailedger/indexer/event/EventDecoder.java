package org.ailedger.indexer.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;

/**
 * Turns raw logs into typed events by (contract address, topic 0). A log no event type matches is
 * skipped with a DEBUG line; one that matches but does not decode (wrong topic count, malformed
 * data) is skipped with a WARN. Neither stops ingestion.
 */
public final class EventDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(EventDecoder.class);

  private record Key(EthAddress address, Bytes32 topic) {}

  private final Map<Key, EventType> types = new HashMap<>();

  public EventDecoder(List<EventType> eventTypes) {
    for (EventType type : eventTypes) {
      EventType previous = types.put(new Key(type.contract().address(), type.topic()), type);
      if (previous != null) {
        throw new IllegalArgumentException("two event types share the topic of " + type.name());
      }
    }
  }

  /** The decoder of every event of the five native contracts. */
  public static EventDecoder nativeContracts() {
    return new EventDecoder(EventCatalogue.nativeContracts());
  }

  /** The typed event of {@code log}, or empty if it is none of the known events. */
  public Optional<DecodedLog> decode(RawLog log) {
    if (log.topics().isEmpty()) {
      LOG.debug("skipping anonymous log {} of {}", log.position().eventId(), log.address());
      return Optional.empty();
    }
    EventType type = types.get(new Key(log.address(), log.topics().getFirst()));
    if (type == null) {
      LOG.debug(
          "skipping unknown event {} of {} at {}",
          log.topics().getFirst(),
          log.address(),
          log.position().eventId());
      return Optional.empty();
    }
    try {
      LedgerEvent event = type.factory().apply(new EventValues(values(type.abi(), log)));
      return Optional.of(new DecodedLog(log.position(), event));
    } catch (RuntimeException malformed) {
      LOG.warn(
          "skipping log {} of {}: it has the topic of {} but does not decode: {}",
          log.position().eventId(),
          log.address(),
          type.name(),
          malformed.getMessage());
      return Optional.empty();
    }
  }

  /** The parameters in declaration order: indexed ones from the topics, the rest from the data. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Type<?>> values(Event abi, RawLog log) {
    List<TypeReference<Type>> indexed = abi.getIndexedParameters();
    List<TypeReference<Type>> nonIndexed = abi.getNonIndexedParameters();
    if (log.topics().size() != indexed.size() + 1) {
      throw new IllegalArgumentException(
          "expected " + (indexed.size() + 1) + " topics, got " + log.topics().size());
    }
    List<Type> data =
        nonIndexed.isEmpty()
            ? List.of()
            : FunctionReturnDecoder.decode(log.data().toHexString(), nonIndexed);
    if (data.size() != nonIndexed.size()) {
      throw new IllegalArgumentException(
          "expected " + nonIndexed.size() + " data values, decoded " + data.size());
    }
    List<Type<?>> ordered = new ArrayList<>();
    int topic = 1;
    int datum = 0;
    for (TypeReference<Type> parameter : abi.getParameters()) {
      if (parameter.isIndexed()) {
        ordered.add(
            FunctionReturnDecoder.decodeIndexedValue(
                log.topics().get(topic++).toHexString(), parameter));
      } else {
        ordered.add(data.get(datum++));
      }
    }
    return ordered;
  }
}

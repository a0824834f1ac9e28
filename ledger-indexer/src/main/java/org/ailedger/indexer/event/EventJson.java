package org.ailedger.indexer.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * An event's parameters as a JSON object, named as in the ABI, in the API's conventions: hex as
 * lower-case {@code 0x…} strings, 256-bit integers as decimal strings, small numbers as numbers.
 * The outbox keeps this form for the event stream.
 */
public final class EventJson {
  private EventJson() {}

  public static JsonObject of(LedgerEvent event) {
    JsonObject json = new JsonObject();
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      json.put(component.getName(), value(read(component, event)));
    }
    return json;
  }

  private static Object read(RecordComponent component, LedgerEvent event) {
    try {
      return component.getAccessor().invoke(event);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + event, e);
    }
  }

  private static Object value(Object value) {
    return switch (value) {
      case null -> null;
      case Bytes bytes -> bytes.toHexString();
      case EthAddress address -> address.hex();
      case BigInteger number -> number.toString();
      case List<?> list -> new JsonArray(list.stream().map(EventJson::value).toList());
      case String text -> text;
      case Long number -> number;
      case Integer number -> number;
      default ->
          throw new IllegalArgumentException(
              "no JSON form for " + value.getClass().getName() + " in an event");
    };
  }
}

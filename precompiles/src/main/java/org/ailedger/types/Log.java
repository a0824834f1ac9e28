package org.ailedger.types;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** An Ethereum log entry: emitting contract, up to four topics, opaque data. */
public record Log(Address address, List<Bytes32> topics, Bytes data) {
  public static final int MAX_TOPICS = 4;

  public Log {
    if (address == null || topics == null || data == null) {
      throw new IllegalArgumentException("log fields must not be null");
    }
    if (topics.size() > MAX_TOPICS) {
      throw new IllegalArgumentException("a log has at most 4 topics, got " + topics.size());
    }
    topics = List.copyOf(topics);
    data = data.copy();
  }
}

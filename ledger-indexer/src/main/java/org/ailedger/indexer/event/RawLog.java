package org.ailedger.indexer.event;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A log as {@code eth_getLogs} returns it, before decoding. */
public record RawLog(EthAddress address, List<Bytes32> topics, Bytes data, LogPosition position) {
  /** The EVM's LOG0..LOG4 carry at most four topics. */
  public static final int MAX_TOPICS = 4;

  public RawLog {
    if (address == null || data == null || position == null) {
      throw new IllegalArgumentException("a log has an address, data and a position");
    }
    topics = List.copyOf(topics);
    if (topics.size() > MAX_TOPICS) {
      throw new IllegalArgumentException("a log has at most 4 topics: " + topics.size());
    }
    data = data.copy();
  }
}

package org.ailedger.evm.state;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A log entry emitted by LOG0..LOG4. */
public record Log(Address address, List<Bytes32> topics, Bytes data) {
  public Log {
    if (address == null || data == null || topics.size() > 4) {
      throw new IllegalArgumentException("a log has an address, data and up to 4 topics");
    }
    topics = List.copyOf(topics);
  }
}

package org.ailedger.node.rpc.filter;

import java.util.List;
import java.util.Set;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Which logs a query wants: emitted by one of {@code addresses} (any if empty), and for each topic
 * position one of the given topics (an empty set is a wildcard). As in geth, a log with fewer
 * topics than the query has positions never matches, wildcards included; topics beyond the query's
 * positions are not looked at.
 */
public record LogCriteria(Set<Address> addresses, List<Set<Bytes32>> topics) {
  public static final LogCriteria ANY = new LogCriteria(Set.of(), List.of());

  public LogCriteria {
    if (addresses == null || topics == null) {
      throw new IllegalArgumentException("criteria fields must not be null");
    }
    if (topics.size() > Log.MAX_TOPICS) {
      throw new IllegalArgumentException("at most 4 topic positions, got " + topics.size());
    }
    addresses = Set.copyOf(addresses);
    topics = topics.stream().map(Set::copyOf).toList();
  }

  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    if (topics.size() > log.topics().size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      Set<Bytes32> wanted = topics.get(i);
      if (!wanted.isEmpty() && !wanted.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * False when the bloom proves no log of the block can match, so the block's body and receipts
   * need not be read; true may be a false positive.
   */
  public boolean mightMatch(LogsBloom bloom) {
    if (!addresses.isEmpty() && addresses.stream().noneMatch(a -> bloom.mightContain(a.bytes()))) {
      return false;
    }
    for (Set<Bytes32> wanted : topics) {
      if (!wanted.isEmpty() && wanted.stream().noneMatch(bloom::mightContain)) {
        return false;
      }
    }
    return true;
  }
}

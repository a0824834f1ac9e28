package org.ailedger.node.rpc.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ailedger.node.rpc.filter.FilterSpec;
import org.ailedger.node.rpc.filter.LogCriteria;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Parses the filter object of eth_getLogs, eth_newFilter and the "logs" subscription: {@code
 * fromBlock}, {@code toBlock} or {@code blockHash}, {@code address} (one or a list) and {@code
 * topics} (positional; null is a wildcard, a list is an OR).
 */
public final class FilterParser {
  /**
   * Each address and alternative topic costs bloom probes per scanned block, so they are bounded.
   */
  public static final int MAX_ADDRESSES = 1000;

  public static final int MAX_TOPIC_ALTERNATIVES = 1000;

  private FilterParser() {}

  public static FilterSpec filter(JsonNode node, String where) {
    requireObject(node, where);
    Optional<BlockParameter> from =
        member(node, "fromBlock").map(n -> BlockParameter.numberOrTag(n, where + ".fromBlock"));
    Optional<BlockParameter> to =
        member(node, "toBlock").map(n -> BlockParameter.numberOrTag(n, where + ".toBlock"));
    Optional<Bytes32> blockHash =
        member(node, "blockHash").map(n -> HexParser.hash(n, where + ".blockHash"));
    if (blockHash.isPresent() && (from.isPresent() || to.isPresent())) {
      throw HexParser.invalid(where, "blockHash cannot be combined with fromBlock or toBlock");
    }
    return new FilterSpec(from, to, blockHash, criteria(node, where));
  }

  /** Only {@code address} and {@code topics}, as a logs subscription takes them. */
  public static LogCriteria criteria(JsonNode node, String where) {
    requireObject(node, where);
    return new LogCriteria(addresses(node, where), topics(node, where));
  }

  private static Set<Address> addresses(JsonNode filter, String where) {
    Optional<JsonNode> member = member(filter, "address");
    if (member.isEmpty()) {
      return Set.of();
    }
    JsonNode node = member.get();
    if (!node.isArray()) {
      return Set.of(HexParser.address(node, where + ".address"));
    }
    if (node.size() > MAX_ADDRESSES) {
      throw HexParser.invalid(
          where + ".address", "at most " + MAX_ADDRESSES + " addresses, got " + node.size());
    }
    Set<Address> addresses = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      addresses.add(HexParser.address(node.get(i), where + ".address[" + i + "]"));
    }
    return addresses;
  }

  private static List<Set<Bytes32>> topics(JsonNode filter, String where) {
    Optional<JsonNode> member = member(filter, "topics");
    if (member.isEmpty()) {
      return List.of();
    }
    JsonNode node = member.get();
    String at = where + ".topics";
    if (!node.isArray()) {
      throw HexParser.invalid(at, "want an array, got " + HexParser.describe(node));
    }
    if (node.size() > Log.MAX_TOPICS) {
      throw HexParser.invalid(
          at, "a log has at most " + Log.MAX_TOPICS + " topics, got " + node.size() + " positions");
    }
    List<Set<Bytes32>> topics = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      topics.add(position(node.get(i), at + "[" + i + "]"));
    }
    return topics;
  }

  /** One topic position: null or [] matches anything, a hash matches it, a list matches any. */
  private static Set<Bytes32> position(JsonNode node, String where) {
    if (node.isNull()) {
      return Set.of();
    }
    if (!node.isArray()) {
      return Set.of(HexParser.hash(node, where));
    }
    if (node.size() > MAX_TOPIC_ALTERNATIVES) {
      throw HexParser.invalid(
          where, "at most " + MAX_TOPIC_ALTERNATIVES + " alternatives, got " + node.size());
    }
    Set<Bytes32> alternatives = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode alternative = node.get(i);
      if (alternative.isNull()) {
        // one wildcard alternative makes the whole position match anything
        return Set.of();
      }
      alternatives.add(HexParser.hash(alternative, where + "[" + i + "]"));
    }
    return alternatives;
  }

  private static Optional<JsonNode> member(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  private static void requireObject(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw HexParser.invalid(where, "want a filter object, got " + HexParser.describe(node));
    }
  }
}

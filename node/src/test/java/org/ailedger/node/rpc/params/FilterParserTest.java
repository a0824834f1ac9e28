package org.ailedger.node.rpc.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.TestJson;
import org.ailedger.node.rpc.filter.FilterSpec;
import org.ailedger.node.rpc.filter.LogCriteria;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class FilterParserTest {
  private static final String A = "0x" + "0a".repeat(20);
  private static final String B = "0x" + "0b".repeat(20);
  private static final String T1 = "0x" + "01".repeat(32);
  private static final String T2 = "0x" + "02".repeat(32);

  @Test
  void emptyFilterIsLatestToLatestForAnything() {
    FilterSpec spec = parse("{}");

    assertThat(spec.fromBlock()).isEmpty();
    assertThat(spec.toBlock()).isEmpty();
    assertThat(spec.criteria()).isEqualTo(LogCriteria.ANY);
  }

  @Test
  void addressIsOneOrMany() {
    assertThat(parse("{\"address\":\"" + A + "\"}").criteria().addresses())
        .containsExactly(Address.fromHex(A));
    assertThat(parse("{\"address\":[\"" + A + "\",\"" + B + "\"]}").criteria().addresses())
        .containsExactlyInAnyOrder(Address.fromHex(A), Address.fromHex(B));
  }

  @Test
  void topicsArePositionalWithNullWildcardsAndOrLists() {
    LogCriteria criteria =
        parse("{\"topics\":[null,\"" + T1 + "\",[\"" + T1 + "\",\"" + T2 + "\"],[]]}").criteria();

    assertThat(criteria.topics())
        .containsExactly(
            Set.of(),
            Set.of(Bytes32.fromHexString(T1)),
            Set.of(Bytes32.fromHexString(T1), Bytes32.fromHexString(T2)),
            Set.of());
  }

  @Test
  void aNullAlternativeMakesThePositionAWildcard() {
    assertThat(parse("{\"topics\":[[\"" + T1 + "\",null]]}").criteria().topics())
        .containsExactly(Set.of());
  }

  @Test
  void blockRangeAndHashAreParsed() {
    FilterSpec range = parse("{\"fromBlock\":\"0x1\",\"toBlock\":\"latest\"}");
    FilterSpec hash = parse("{\"blockHash\":\"" + T1 + "\"}");

    assertThat(range.fromBlock()).contains(new BlockParameter.Number(1));
    assertThat(range.toBlock()).contains(BlockParameter.LATEST);
    assertThat(hash.blockHash()).contains(Bytes32.fromHexString(T1));
  }

  @Test
  void malformedFiltersSayWhatIsWrong() {
    assertRejected("[]", "invalid argument 0 (filter): want a filter object, got an array");
    assertRejected(
        "{\"topics\":\"" + T1 + "\"}",
        "invalid argument 0 (filter).topics: want an array, got a string");
    assertRejected(
        "{\"topics\":[null,null,null,null,null]}",
        "invalid argument 0 (filter).topics: a log has at most 4 topics, got 5 positions");
    assertRejected(
        "{\"address\":[\"" + A + "\",\"0x12\"]}",
        "invalid argument 0 (filter).address[1]: an address has 40 hex digits, got 2 in \"0x12\"");
    assertRejected(
        "{\"fromBlock\":\"0x01\"}",
        "invalid argument 0 (filter).fromBlock: hex number \"0x01\" has leading zero digits");
    assertRejected(
        "{\"blockHash\":\"" + T1 + "\",\"toBlock\":\"0x1\"}",
        "invalid argument 0 (filter): blockHash cannot be combined with fromBlock or toBlock");
  }

  @Test
  void addressListsAreBounded() {
    String many =
        "[" + String.join(",", java.util.Collections.nCopies(1001, "\"" + A + "\"")) + "]";

    assertRejected(
        "{\"address\":" + many + "}",
        "invalid argument 0 (filter).address: at most 1000 addresses, got 1001");
  }

  @Test
  void subscriptionCriteriaIgnoreTheBlockRange() {
    LogCriteria criteria =
        FilterParser.criteria(
            TestJson.parse("{\"address\":\"" + A + "\",\"topics\":[\"" + T1 + "\"]}"), "x");

    assertThat(criteria)
        .isEqualTo(
            new LogCriteria(
                Set.of(Address.fromHex(A)), List.of(Set.of(Bytes32.fromHexString(T1)))));
  }

  private static FilterSpec parse(String json) {
    return FilterParser.filter(TestJson.parse(json), "argument 0 (filter)");
  }

  private static void assertRejected(String json, String message) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(RpcException.class).hasMessage(message);
  }
}

package org.ailedger.node.rpc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ailedger.node.rpc.FakeBackend;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.params.BlockParameter;
import org.junit.jupiter.api.Test;

class LogSearchTest {
  private final FakeBackend fake = new FakeBackend();
  private final LogSearch search = new LogSearch(fake.chain, 10);

  @Test
  void logIndexCountsEveryLogOfTheBlock() {
    List<MatchedLog> logs =
        search.inRange(1, 1, new LogCriteria(Set.of(FakeBackend.TOKEN), List.of()));

    assertThat(logs).extracting(MatchedLog::logIndex).containsExactly(1, 2);
    assertThat(logs).extracting(MatchedLog::transactionIndex).containsExactly(1, 1);
  }

  @Test
  void blocksWhoseBloomRulesOutTheQueryAreNotRead() {
    fake.chain.makeBloomsLie();
    fake.appendBlock(FakeBackend.TOKEN);

    LogCriteria token = new LogCriteria(Set.of(FakeBackend.TOKEN), List.of());
    assertThat(search.inRange(5, 5, token)).as("the empty bloom says no TOKEN log").isEmpty();
    assertThat(search.inRange(5, 5, LogCriteria.ANY))
        .as("no criteria, nothing to rule out")
        .hasSize(1);
  }

  @Test
  void rangeIsBoundedAndOrdered() {
    LogSearch narrow = new LogSearch(fake.chain, 2);

    assertThatThrownBy(() -> narrow.search(range(0, 4)))
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.error()).isEqualTo(RpcError.LIMIT_EXCEEDED);
              assertThat(e.error().code()).isEqualTo(-32005);
              assertThat(e.getMessage()).isEqualTo("query exceeds max block range 2");
            });
    assertThat(narrow.search(range(3, 4))).hasSize(1);
    assertThatThrownBy(() -> narrow.search(range(4, 3)))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.error()).isEqualTo(RpcError.INVALID_PARAMS));
  }

  @Test
  void rangeBeyondTheHeadIsCutAtTheHeadBeforeTheLimitApplies() {
    LogSearch narrow = new LogSearch(fake.chain, 2);

    assertThat(narrow.search(range(3, 1_000_000))).hasSize(1);
  }

  private static FilterSpec range(long from, long to) {
    return new FilterSpec(
        Optional.of(new BlockParameter.Number(from)),
        Optional.of(new BlockParameter.Number(to)),
        Optional.empty(),
        LogCriteria.ANY);
  }
}

package org.ailedger.indexer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ailedger.indexer.event.NativeContract;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The outbox as the event stream reads it, on both engines: filtered pages in chain order, the
 * retention the writer keeps in each commit, and the commit listener told after each commit.
 */
class OutboxTest {
  @RegisterExtension final TestStores stores = new TestStores();

  @ParameterizedTest
  @EnumSource(Engine.class)
  void pagesAreInChainOrderFilteredAndSayWhereTheOutboxEnds(Engine engine) throws Exception {
    Database database = stores.open(engine);
    EventBatches chain = EventBatches.seeded(new LedgerWriter(database));
    List<EventBatches.Committed> events = chain.commit(4, 3);
    LedgerQueries queries = new LedgerQueries(database);

    OutboxPage first = queries.read(c -> Outbox.page(c, EventId.ORIGIN, OutboxFilter.ALL, 5));
    OutboxPage rest =
        queries.read(
            c -> Outbox.page(c, EventId.of(first.entries().getLast()), OutboxFilter.ALL, 10));
    OutboxPage transfers =
        queries.read(
            c ->
                Outbox.page(
                    c,
                    new EventId(2, 0),
                    new OutboxFilter(Set.of(NativeContract.CONTRIBUTION_TOKEN), Set.of("Transfer")),
                    10));

    assertThat(first.entries())
        .extracting(OutboxEntry::eventId)
        .containsExactly("1:0", "1:1", "1:2", "2:0", "2:1");
    assertThat(first.complete()).isFalse();
    assertThat(rest.entries()).hasSize(7);
    assertThat(rest.complete()).isTrue();
    assertThat(rest.newest()).contains(new EventId(4, 2));
    assertThat(events.stream().filter(e -> e.event().equals("Transfer")))
        .extracting(EventBatches.Committed::id)
        .containsExactly("1:0", "2:0", "3:0", "4:0");
    assertThat(transfers.entries())
        .extracting(OutboxEntry::eventId)
        .as("after 2:0")
        .containsExactly("3:0", "4:0");
    assertThat(first.retainedFromBlock()).isZero();
    assertThat(queries.read(Outbox::afterCursor)).isEqualTo(new EventId(4, Integer.MAX_VALUE));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void eachCommitKeepsTheLatestBlocksAndTellsTheListenerAfterwards(Engine engine) throws Exception {
    Database database = stores.open(engine);
    List<Cursor> told = new ArrayList<>();
    LedgerQueries queries = new LedgerQueries(database);
    List<Long> visibleWhenTold = new ArrayList<>();
    CommitListener listener =
        cursor -> {
          told.add(cursor);
          visibleWhenTold.add(queries.rowCount("outbox"));
        };
    EventBatches chain = EventBatches.seeded(new LedgerWriter(database, 3, listener));

    chain.commit(2, 2);
    assertThat(queries.rowCount("outbox")).isEqualTo(4);
    assertThat(queries.read(Outbox::retainedFromBlock)).isZero();
    chain.commit(3, 2);

    assertThat(queries.read(Outbox::retainedFromBlock)).as("blocks 3..5 kept").isEqualTo(3);
    assertThat(queries.read(c -> Outbox.page(c, EventId.ORIGIN, OutboxFilter.ALL, 100)).entries())
        .extracting(OutboxEntry::eventId)
        .containsExactly("3:0", "3:1", "4:0", "4:1", "5:0", "5:1");
    assertThat(told)
        .extracting(Cursor::blockNumber)
        .as("the genesis seed and both batches")
        .containsExactly(0L, 2L, 5L);
    assertThat(visibleWhenTold).as("told after the commit, not before").containsExactly(0L, 4L, 6L);
  }
}

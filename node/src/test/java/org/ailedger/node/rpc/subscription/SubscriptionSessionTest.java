package org.ailedger.node.rpc.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ailedger.node.rpc.RandomIds;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.filter.LogCriteria;
import org.junit.jupiter.api.Test;

class SubscriptionSessionTest {
  private final SubscriptionSession session = new SubscriptionSession(2, new RandomIds());

  @Test
  void subscriptionIsSilentUntilItsAnswerIsWritten() {
    SubscriptionScope scope = session.newScope();
    String id = scope.subscribeNewHeads();

    assertThat(session.live()).isEmpty();
    scope.activate();
    assertThat(session.live()).extracting(Subscription::id).containsExactly(id);
  }

  @Test
  void pendingSubscriptionsCountTowardsTheLimit() {
    SubscriptionScope scope = session.newScope();
    scope.subscribeNewHeads();
    scope.subscribeLogs(LogCriteria.ANY);

    assertThatThrownBy(() -> session.newScope().subscribeNewHeads())
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.error()).isEqualTo(RpcError.LIMIT_EXCEEDED);
              assertThat(e.getMessage())
                  .isEqualTo("too many subscriptions on this connection: the limit is 2");
            });
  }

  @Test
  void unsubscribeFreesTheSlot() {
    SubscriptionScope scope = session.newScope();
    String first = scope.subscribeNewHeads();
    scope.subscribeNewHeads();
    scope.activate();

    assertThat(session.newScope().unsubscribe(first)).isTrue();
    assertThat(session.newScope().unsubscribe(first)).isFalse();
    assertThat(session.size()).isEqualTo(1);
    session.newScope().subscribeNewHeads();
  }

  @Test
  void closingDropsEverySubscriptionAndRefusesNewOnes() {
    SubscriptionScope scope = session.newScope();
    String live = scope.subscribeNewHeads();
    scope.activate();
    SubscriptionScope late = session.newScope();
    late.subscribeNewHeads();

    session.close();
    late.activate();

    assertThat(session.live()).isEmpty();
    assertThat(session.isLive(live)).isFalse();
    assertThat(session.size()).isZero();
    assertThatThrownBy(() -> session.newScope().subscribeNewHeads())
        .isInstanceOf(RpcException.class);
  }
}

package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectionsTest {
  private static RpcOutcome failure(String message) {
    return new RpcOutcome.Failure(-32000, message);
  }

  @Test
  void refusalsAreCountedByThePhraseBeforeTheDetail() {
    Rejections rejections = new Rejections();
    rejections.count(failure("nonce too low: nonce 3 is too low: the next nonce of 0xab is 5"));
    rejections.count(failure("nonce too low: nonce 4 is too low: the next nonce of 0xab is 5"));
    rejections.count(failure("txpool is full: the transaction pool is full (8192 transactions)"));
    rejections.count(new RpcOutcome.Unreachable("HttpTimeoutException: request timed out"));

    assertThat(rejections.total()).isEqualTo(4);
    assertThat(rejections.tallies())
        .extracting(Rejections.Tally::reason, Rejections.Tally::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("nonce too low (-32000)", 2L),
            org.assertj.core.groups.Tuple.tuple("txpool is full (-32000)", 1L),
            org.assertj.core.groups.Tuple.tuple("unreachable: HttpTimeoutException", 1L));
    assertThat(rejections.tallies().get(0).example()).contains("nonce 3");
  }

  @Test
  void aBusyNodeOrAFullPoolIsRetried() {
    assertThat(Rejections.reactionTo(failure("txpool is full: sender 0xab already has 256"), false))
        .isEqualTo(Rejections.Reaction.RETRY);
    assertThat(Rejections.reactionTo(new RpcOutcome.Failure(-32005, "limit exceeded: busy"), false))
        .isEqualTo(Rejections.Reaction.RETRY);
    assertThat(Rejections.reactionTo(new RpcOutcome.Unreachable("ConnectException"), false))
        .isEqualTo(Rejections.Reaction.RETRY);
  }

  @Test
  void aKnownTransactionCountsAsAccepted() {
    assertThat(
            Rejections.reactionTo(
                failure("already known: transaction 0x12 is already pooled"), false))
        .isEqualTo(Rejections.Reaction.ACCEPTED);
  }

  @Test
  void nonceTooLowIsAcceptedOnlyForAResentTransaction() {
    RpcOutcome tooLow = failure("nonce too low: nonce 3 is too low");
    assertThat(Rejections.reactionTo(tooLow, true)).isEqualTo(Rejections.Reaction.ACCEPTED);
    assertThat(Rejections.reactionTo(tooLow, false)).isEqualTo(Rejections.Reaction.STOP);
  }

  @Test
  void anInvalidTransactionStopsItsSender() {
    assertThat(
            Rejections.reactionTo(
                failure("sender not permitted: 0xab is not on the allowlist"), false))
        .isEqualTo(Rejections.Reaction.STOP);
    assertThat(Rejections.reactionTo(failure("invalid chain id: expected 1337"), false))
        .isEqualTo(Rejections.Reaction.STOP);
  }
}

package org.ailedger.node.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;

import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.tx.TransactionRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RejectionErrorsTest {
  @ParameterizedTest
  @EnumSource(RejectionReason.class)
  void everyRejectionIsAMinus32000ErrorStartingWithItsPhrase(RejectionReason reason) {
    RpcException error = RejectionErrors.toException(new TransactionRejection(reason, "detail 42"));

    assertThat(error.error().code()).isEqualTo(-32000);
    assertThat(error.getMessage()).isEqualTo(error.error().phrase() + ": detail 42");
  }

  @Test
  void rejectionsMapToDistinctErrors() {
    assertThat(
            java.util.Arrays.stream(RejectionReason.values())
                .map(RejectionErrors::error)
                .distinct())
        .hasSameSizeAs(RejectionReason.values());
  }

  @Test
  void gethPhrasesThatClientsMatchOn() {
    assertThat(RejectionErrors.error(RejectionReason.NONCE_TOO_LOW).phrase())
        .isEqualTo("nonce too low");
    assertThat(RejectionErrors.error(RejectionReason.ALREADY_KNOWN).phrase())
        .isEqualTo("already known");
    assertThat(RejectionErrors.error(RejectionReason.INSUFFICIENT_BALANCE).phrase())
        .startsWith("insufficient funds");
    assertThat(RejectionErrors.error(RejectionReason.REPLACEMENT_UNDERPRICED).phrase())
        .isEqualTo("replacement transaction underpriced");
    assertThat(RejectionErrors.error(RejectionReason.WRONG_CHAIN_ID))
        .isEqualTo(RpcError.TX_INVALID_CHAIN_ID);
  }

  @Test
  void messageThatAlreadyStartsWithThePhraseIsKept() {
    RpcException error =
        RejectionErrors.toException(
            new TransactionRejection(
                RejectionReason.WRONG_CHAIN_ID, "Invalid chain id: expected 1337, got 1"));

    assertThat(error.getMessage()).isEqualTo("Invalid chain id: expected 1337, got 1");
  }

  @Test
  void messageThatIsThePhraseStaysThePhrase() {
    RpcException error =
        RejectionErrors.toException(
            new TransactionRejection(RejectionReason.SENDER_NOT_PERMITTED, "sender not permitted"));

    assertThat(error.getMessage()).isEqualTo("sender not permitted");
  }
}

package org.ailedger.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Response;

class RevertReasonsTest {
  /** ABI encoding of Error("no") */
  private static final String ERROR_NO =
      "0x08c379a0"
          + "0000000000000000000000000000000000000000000000000000000000000020"
          + "0000000000000000000000000000000000000000000000000000000000000002"
          + "6e6f000000000000000000000000000000000000000000000000000000000000";

  @Test
  void theContractsSentenceIsTakenFromTheErrorMessage() {
    Response.Error error =
        new Response.Error(3, "execution reverted: round 3 of model 0xab is closed");

    assertThat(RevertReasons.of(error)).isEqualTo("round 3 of model 0xab is closed");
  }

  @Test
  void aBareRevertIsDecodedFromItsData() {
    Response.Error error = new Response.Error(3, "execution reverted");
    error.setData("\"" + ERROR_NO + "\"");

    assertThat(RevertReasons.of(error)).isEqualTo("no");
    assertThat(RevertReasons.decode(ERROR_NO)).isEqualTo("no");
  }

  @Test
  void otherErrorsKeepTheNodesMessage() {
    assertThat(RevertReasons.of(new Response.Error(-32000, "nonce too low")))
        .isEqualTo("nonce too low");
  }
}

package org.ailedger.tests.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.ailedger.tests.dsl.CliScript;
import org.ailedger.tests.dsl.DevnetNode;
import org.ailedger.tests.dsl.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;

/** The worked example of docs/ledger.md, run as written, gives the outcome the document states. */
class LedgerExampleIT {
  @RegisterExtension static final DevnetNode NODE = new DevnetNode("ledger-example");
  private static final BigInteger ACT = BigInteger.TEN.pow(18);
  private static final String ACCOUNT_2 = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
  private static final String ACCOUNT_3 = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";
  private static final String ACCOUNT_4 = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";

  @TempDir Path workDir;

  @Test
  void theDocumentedRoundPays180And120AndTaintsTheRevokedLineage() {
    Path script =
        Path.of(System.getProperty("ailedger.repo.dir"), "docs", "examples", "ledger-round.sh");

    String output =
        CliScript.run(script, workDir, NODE.node().httpUrl().toString(), Duration.ofMinutes(5));

    assertThat(balanceOf(ACCOUNT_2)).isEqualTo(ACT.multiply(BigInteger.valueOf(180)));
    assertThat(balanceOf(ACCOUNT_3)).isEqualTo(ACT.multiply(BigInteger.valueOf(120)));
    assertThat(reputation(ACCOUNT_4)).isEqualTo(BigInteger.ONE.negate());
    assertThat(output).contains("[tainted by 0x");
    assertThat(output).containsPattern("balance:\\s+180\\b").containsPattern("balance:\\s+120\\b");
  }

  private BigInteger balanceOf(String account) {
    return call(
        Ledger.CONTRIBUTION_TOKEN,
        new Function("balanceOf", java.util.List.of(new Address(account)), java.util.List.of()));
  }

  private BigInteger reputation(String account) {
    BigInteger raw =
        call(
            Ledger.MODEL_REGISTRY,
            new Function(
                "reputation", java.util.List.of(new Address(account)), java.util.List.of()));
    return raw.testBit(255) ? raw.subtract(BigInteger.ONE.shiftLeft(256)) : raw;
  }

  private BigInteger call(String to, Function function) {
    var call =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .createObjectNode()
            .put("to", to)
            .put("data", FunctionEncoder.encode(function));
    return new BigInteger(
        NODE.node().rpc().result("eth_call", call, "latest").asText().substring(2), 16);
  }
}

package org.ailedger.tests.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.NodeProcess;
import org.ailedger.tests.dsl.SignedTransactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * Four validators, each its own OS process with its own key, data directory and ports, agree on
 * every block by QBFT over RLPx: the chain grows on all of them, block by block the same, and a
 * transaction sent to one is committed on all.
 */
class QbftNetworkIT {
  private static final int VALIDATORS = 4;
  private static final Duration PROGRESS = Duration.ofSeconds(60);
  private static final String GENESIS = new GenesisWriter().write(DevnetGenesis.spec(VALIDATORS));

  @TempDir Path dir;
  private final List<NodeProcess> nodes = new ArrayList<>();

  @AfterEach
  void stopAll() {
    nodes.forEach(NodeProcess::close);
  }

  private void startNetwork() {
    for (int i = 0; i < VALIDATORS; i++) {
      nodes.add(NodeProcess.prepareNode("qbft-" + i, GENESIS, DevAccounts.validator(i)));
    }
    for (int i = 0; i < VALIDATORS; i++) {
      List<String> others = new ArrayList<>();
      for (int j = 0; j < VALIDATORS; j++) {
        if (j != i) {
          others.add('"' + nodes.get(j).enode() + '"');
        }
      }
      Path file = dir.resolve("static-" + i + ".json");
      try {
        Files.writeString(file, "[" + String.join(",", others) + "]");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      nodes.get(i).start("--static-nodes-file", file.toString());
    }
  }

  private static String hashAt(NodeProcess node, long number) {
    return node.rpc()
        .result("eth_getBlockByNumber", "0x" + Long.toHexString(number), false)
        .get("hash")
        .asText();
  }

  @Test
  void fourValidatorProcessesCommitTheSameChainAndATransaction() {
    startNetwork();
    for (NodeProcess node : nodes) {
      node.awaitBlockAbove(3, PROGRESS);
    }

    Credentials sender =
        Credentials.create(DevAccounts.account(6).privateKey().bytes().toHexString());
    String raw =
        SignedTransactions.eip1559(
            sender,
            DevAccounts.DEVNET_CHAIN_ID,
            0,
            21_000,
            DevAccounts.account(7).address().toHexString(),
            BigInteger.ONE,
            "0x");
    String txHash = nodes.get(2).rpc().result("eth_sendRawTransaction", raw).asText();
    JsonNode receipt =
        Await.until(
            "the transfer to be committed on validator 0",
            PROGRESS,
            () -> {
              JsonNode r = nodes.get(0).rpc().result("eth_getTransactionReceipt", txHash);
              return r.isNull() ? Optional.empty() : Optional.of(r);
            });
    long included = Long.decode(receipt.get("blockNumber").asText());
    for (NodeProcess node : nodes) {
      node.awaitBlockAbove(included, PROGRESS);
    }

    for (long n = 1; n <= included; n++) {
      String expected = hashAt(nodes.get(0), n);
      for (NodeProcess node : nodes) {
        assertThat(hashAt(node, n)).as(node.name() + " block " + n).isEqualTo(expected);
      }
    }
    JsonNode block =
        nodes
            .get(3)
            .rpc()
            .result("eth_getBlockByNumber", receipt.get("blockNumber").asText(), false);
    assertThat(block.get("transactions")).extracting(JsonNode::asText).contains(txHash);
    // every validator proposed: the coinbase rotates
    JsonNode metrics = nodes.get(1).rpc().result("qbft_getSignerMetrics", "0x1", "latest");
    assertThat(metrics.size()).isEqualTo(VALIDATORS);
  }
}

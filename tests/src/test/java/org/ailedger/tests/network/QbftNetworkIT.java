package org.ailedger.tests.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.tests.dsl.Await;
import org.ailedger.tests.dsl.NodeProcess;
import org.ailedger.tests.dsl.QbftNetwork;
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
  private static final Duration PROGRESS = Duration.ofSeconds(60);

  @TempDir Path dir;
  private QbftNetwork network;

  @AfterEach
  void stopAll() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  void fourValidatorProcessesCommitTheSameChainAndATransaction() {
    network = QbftNetwork.start("qbft", 4, dir, List.of());
    QbftNetwork.awaitAllAtLeast(network.validators(), 4, PROGRESS);

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
    String txHash = network.validator(2).rpc().result("eth_sendRawTransaction", raw).asText();
    JsonNode receipt =
        Await.until(
            "the transfer to be committed on validator 0",
            PROGRESS,
            () -> QbftNetwork.receipt(network.validator(0), txHash));
    long included = Long.decode(receipt.get("blockNumber").asText());
    QbftNetwork.awaitAllAtLeast(network.validators(), included, PROGRESS);

    QbftNetwork.assertSameChain(network.validators(), included);
    JsonNode block = QbftNetwork.block(network.validator(3), included);
    assertThat(block.get("transactions")).extracting(JsonNode::asText).contains(txHash);
    // every validator proposed: the coinbase rotates
    NodeProcess any = network.validator(1);
    assertThat(any.rpc().result("qbft_getSignerMetrics", "0x1", "latest").size()).isEqualTo(4);
    // and an operator's dashboard sees the same: three peers, in sync, agreeing above the block
    assertThat(any.metric("ailedger_p2p_peers")).isEqualTo(3);
    assertThat(any.metric("ailedger_sync_syncing")).isZero();
    assertThat(any.metric("ailedger_qbft_height")).isGreaterThan(included);
    assertThat(any.metric("ailedger_sync_highest_known_block")).isGreaterThanOrEqualTo(included);
    assertThat(any.metric("ailedger_p2p_eth_messages_dropped_total")).isZero();
  }
}

package org.ailedger.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.ailedger.node.rpc.filter.FilterRegistry;
import org.junit.jupiter.api.Test;

class RpcMethodsTest {
  @Test
  void offersEveryMethodOfTheDesign() {
    RpcMethods methods =
        RpcMethods.create(
            new FakeBackend().backend(),
            RpcConfig.defaults(),
            new FilterRegistry(1, Duration.ofMinutes(1), Clock.systemUTC(), new RandomIds()));

    assertThat(methods.names())
        .contains(
            "web3_clientVersion",
            "net_version",
            "net_listening",
            "net_peerCount",
            "eth_chainId",
            "eth_blockNumber",
            "eth_syncing",
            "eth_gasPrice",
            "eth_maxPriorityFeePerGas",
            "eth_feeHistory",
            "eth_getBalance",
            "eth_getTransactionCount",
            "eth_getCode",
            "eth_getStorageAt",
            "eth_call",
            "eth_estimateGas",
            "eth_sendRawTransaction",
            "eth_getTransactionByHash",
            "eth_getTransactionReceipt",
            "eth_getBlockReceipts",
            "eth_getBlockByNumber",
            "eth_getBlockByHash",
            "eth_getBlockTransactionCountByNumber",
            "eth_getLogs",
            "eth_newFilter",
            "eth_newBlockFilter",
            "eth_getFilterChanges",
            "eth_getFilterLogs",
            "eth_uninstallFilter",
            "eth_subscribe",
            "eth_unsubscribe",
            "qbft_getValidatorsByBlockNumber",
            "qbft_getValidatorsByBlockHash",
            "qbft_getSignerMetrics",
            "admin_peers",
            "admin_nodeInfo",
            "admin_addPeer",
            "admin_removePeer");
    assertThat(methods.names()).hasSize(43);
  }
}

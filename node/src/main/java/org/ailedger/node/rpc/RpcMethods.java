package org.ailedger.node.rpc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ailedger.node.rpc.admin.AdminAddPeer;
import org.ailedger.node.rpc.admin.AdminNodeInfo;
import org.ailedger.node.rpc.admin.AdminPeers;
import org.ailedger.node.rpc.admin.AdminRemovePeer;
import org.ailedger.node.rpc.eth.Blocks;
import org.ailedger.node.rpc.eth.EthAccounts;
import org.ailedger.node.rpc.eth.EthBlockNumber;
import org.ailedger.node.rpc.eth.EthCall;
import org.ailedger.node.rpc.eth.EthChainId;
import org.ailedger.node.rpc.eth.EthEstimateGas;
import org.ailedger.node.rpc.eth.EthFeeHistory;
import org.ailedger.node.rpc.eth.EthGasPrice;
import org.ailedger.node.rpc.eth.EthGetBalance;
import org.ailedger.node.rpc.eth.EthGetBlockByHash;
import org.ailedger.node.rpc.eth.EthGetBlockByNumber;
import org.ailedger.node.rpc.eth.EthGetBlockReceipts;
import org.ailedger.node.rpc.eth.EthGetBlockTransactionCountByHash;
import org.ailedger.node.rpc.eth.EthGetBlockTransactionCountByNumber;
import org.ailedger.node.rpc.eth.EthGetCode;
import org.ailedger.node.rpc.eth.EthGetFilterChanges;
import org.ailedger.node.rpc.eth.EthGetFilterLogs;
import org.ailedger.node.rpc.eth.EthGetLogs;
import org.ailedger.node.rpc.eth.EthGetStorageAt;
import org.ailedger.node.rpc.eth.EthGetTransactionByBlockHashAndIndex;
import org.ailedger.node.rpc.eth.EthGetTransactionByBlockNumberAndIndex;
import org.ailedger.node.rpc.eth.EthGetTransactionByHash;
import org.ailedger.node.rpc.eth.EthGetTransactionCount;
import org.ailedger.node.rpc.eth.EthGetTransactionReceipt;
import org.ailedger.node.rpc.eth.EthMaxPriorityFeePerGas;
import org.ailedger.node.rpc.eth.EthNewBlockFilter;
import org.ailedger.node.rpc.eth.EthNewFilter;
import org.ailedger.node.rpc.eth.EthSendRawTransaction;
import org.ailedger.node.rpc.eth.EthSyncing;
import org.ailedger.node.rpc.eth.EthUninstallFilter;
import org.ailedger.node.rpc.filter.FilterRegistry;
import org.ailedger.node.rpc.filter.LogSearch;
import org.ailedger.node.rpc.net.NetListening;
import org.ailedger.node.rpc.net.NetPeerCount;
import org.ailedger.node.rpc.net.NetVersion;
import org.ailedger.node.rpc.qbft.QbftGetSignerMetrics;
import org.ailedger.node.rpc.qbft.QbftGetValidatorsByBlockHash;
import org.ailedger.node.rpc.qbft.QbftGetValidatorsByBlockNumber;
import org.ailedger.node.rpc.subscription.EthSubscribe;
import org.ailedger.node.rpc.subscription.EthUnsubscribe;
import org.ailedger.node.rpc.web3.Web3ClientVersion;
import org.ailedger.node.rpc.web3.Web3Sha3;

/** The methods this server offers, by name: the one list to read to know the API surface. */
public final class RpcMethods {
  private final Map<String, RpcMethod> byName;

  public RpcMethods(List<RpcMethod> methods) {
    Map<String, RpcMethod> map = new TreeMap<>();
    for (RpcMethod method : methods) {
      if (map.put(method.name(), method) != null) {
        throw new IllegalArgumentException("method registered twice: " + method.name());
      }
    }
    this.byName = Map.copyOf(map);
  }

  /** Every method, wired to the backend. */
  public static RpcMethods create(RpcBackend backend, RpcConfig config, FilterRegistry filters) {
    LogSearch logs = new LogSearch(backend.chain(), config.maxLogBlockRange());
    Blocks blocks = new Blocks(backend.chain());
    return new RpcMethods(
        List.of(
            new Web3ClientVersion(config.clientVersion()),
            new Web3Sha3(),
            new NetVersion(backend.chain()),
            new NetListening(backend.peers()),
            new NetPeerCount(backend.peers()),
            new EthChainId(backend.chain()),
            new EthBlockNumber(backend.chain()),
            new EthSyncing(backend.peers()),
            new EthAccounts(),
            new EthGasPrice(backend.chain(), config.suggestedPriorityFee()),
            new EthMaxPriorityFeePerGas(config.suggestedPriorityFee()),
            new EthFeeHistory(backend.chain()),
            new EthGetBalance(backend.chain(), backend.state()),
            new EthGetTransactionCount(backend.chain(), backend.state(), backend.pool()),
            new EthGetCode(backend.chain(), backend.code()),
            new EthGetStorageAt(backend.chain(), backend.state()),
            new EthCall(backend.chain(), backend.simulator(), config.callGasCap()),
            new EthEstimateGas(backend.chain(), backend.simulator(), config.callGasCap()),
            new EthSendRawTransaction(backend.submitter()),
            new EthGetTransactionByHash(backend.chain(), backend.pool()),
            new EthGetTransactionReceipt(backend.chain()),
            new EthGetBlockReceipts(backend.chain()),
            new EthGetTransactionByBlockHashAndIndex(backend.chain()),
            new EthGetTransactionByBlockNumberAndIndex(backend.chain()),
            new EthGetBlockByNumber(backend.chain(), blocks),
            new EthGetBlockByHash(backend.chain(), blocks),
            new EthGetBlockTransactionCountByNumber(backend.chain()),
            new EthGetBlockTransactionCountByHash(backend.chain()),
            new EthGetLogs(logs),
            new EthNewFilter(backend.chain(), filters),
            new EthNewBlockFilter(backend.chain(), filters),
            new EthGetFilterChanges(backend.chain(), filters, logs),
            new EthGetFilterLogs(filters, logs),
            new EthUninstallFilter(filters),
            new EthSubscribe(),
            new EthUnsubscribe(),
            new QbftGetValidatorsByBlockNumber(backend.chain()),
            new QbftGetValidatorsByBlockHash(backend.chain()),
            new QbftGetSignerMetrics(backend.chain()),
            new AdminPeers(backend.peers()),
            new AdminNodeInfo(backend.peers(), backend.chain()),
            new AdminAddPeer(backend.peers()),
            new AdminRemovePeer(backend.peers())));
  }

  public Optional<RpcMethod> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Set<String> names() {
    return byName.keySet();
  }
}

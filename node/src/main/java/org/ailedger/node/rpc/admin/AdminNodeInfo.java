package org.ailedger.node.rpc.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.NodeInfo;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.json.RpcJson;

/**
 * admin_nodeInfo: this node's enode, client name and ports, and its eth protocol state (genesis,
 * head, total difficulty — one per block on QBFT — and network id), in Besu's shape.
 */
public final class AdminNodeInfo implements RpcMethod {
  private final PeerSource peers;
  private final ChainReader chain;

  public AdminNodeInfo(PeerSource peers, ChainReader chain) {
    this.peers = peers;
    this.chain = chain;
  }

  @Override
  public String name() {
    return "admin_nodeInfo";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    NodeInfo info = peers.nodeInfo().orElseThrow(() -> RpcException.of(RpcError.P2P_DISABLED));
    ObjectNode json = RpcJson.object();
    json.put("enode", info.enode().toString());
    json.put("id", info.enode().nodeId().bytes().toUnprefixedHexString());
    json.put("ip", info.enode().host());
    json.put("listenAddr", info.enode().host() + ":" + info.listenPort());
    json.put("name", info.name());
    ObjectNode ports = json.putObject("ports");
    ports.put("discovery", 0);
    ports.put("listener", info.listenPort());
    BlockHeader head = chain.head();
    ObjectNode eth = json.putObject("protocols").putObject("eth");
    eth.put("difficulty", head.number() + 1);
    eth.put("genesis", chain.header(0).map(h -> Hex.data(h.hash())).orElse(null));
    eth.put("head", Hex.data(head.hash()));
    eth.put("network", chain.chainId());
    return json;
  }
}

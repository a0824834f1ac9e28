package org.ailedger.node.rpc.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ailedger.node.rpc.PeerInfo;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.json.RpcJson;

/** admin_peers: the connected peers, in the shape Besu and geth report them. */
public final class AdminPeers implements RpcMethod {
  private final PeerSource peers;

  public AdminPeers(PeerSource peers) {
    this.peers = peers;
  }

  @Override
  public String name() {
    return "admin_peers";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    ArrayNode result = RpcJson.array();
    for (PeerInfo peer : peers.peers()) {
      ObjectNode json = result.addObject();
      json.put("id", Hex.data(peer.nodeId()));
      json.put("name", peer.name());
      ArrayNode caps = json.putArray("caps");
      peer.capabilities().forEach(caps::add);
      ObjectNode network = json.putObject("network");
      network.put("localAddress", peer.localAddress());
      network.put("remoteAddress", peer.remoteAddress());
    }
    return result;
  }
}

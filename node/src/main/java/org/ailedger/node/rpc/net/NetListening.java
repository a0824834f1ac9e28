package org.ailedger.node.rpc.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;

/** net_listening: whether the p2p layer accepts connections. */
public final class NetListening implements RpcMethod {
  private final PeerSource peers;

  public NetListening(PeerSource peers) {
    this.peers = peers;
  }

  @Override
  public String name() {
    return "net_listening";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    return BooleanNode.valueOf(peers.listening());
  }
}

package org.ailedger.node.rpc.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;

/** net_peerCount: the number of connected peers. */
public final class NetPeerCount implements RpcMethod {
  private final PeerSource peers;

  public NetPeerCount(PeerSource peers) {
    this.peers = peers;
  }

  @Override
  public String name() {
    return "net_peerCount";
  }

  @Override
  public boolean light(JsonNode params) {
    return true;
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    request.params().expectAtMost(0);
    return TextNode.valueOf(Hex.quantity(peers.peers().size()));
  }
}

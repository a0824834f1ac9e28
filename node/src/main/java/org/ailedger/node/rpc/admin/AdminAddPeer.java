package org.ailedger.node.rpc.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;

/**
 * admin_addPeer(enode): keep that peer connected, as a static peer added at run time; true when it
 * was not kept before. Not remembered across restarts: static-nodes.json is for that.
 */
public final class AdminAddPeer implements RpcMethod {
  private final PeerSource peers;

  public AdminAddPeer(PeerSource peers) {
    this.peers = peers;
  }

  @Override
  public String name() {
    return "admin_addPeer";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    return BooleanNode.valueOf(
        PeerChanges.answer(peers.addPeer(PeerChanges.enode(request.params().expectAtMost(1)))));
  }
}

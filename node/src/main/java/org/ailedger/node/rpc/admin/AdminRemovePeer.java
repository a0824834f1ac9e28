package org.ailedger.node.rpc.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import org.ailedger.node.rpc.PeerSource;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;

/** admin_removePeer(enode): stop keeping that peer and disconnect it; true when it was kept. */
public final class AdminRemovePeer implements RpcMethod {
  private final PeerSource peers;

  public AdminRemovePeer(PeerSource peers) {
    this.peers = peers;
  }

  @Override
  public String name() {
    return "admin_removePeer";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    return BooleanNode.valueOf(
        PeerChanges.answer(peers.removePeer(PeerChanges.enode(request.params().expectAtMost(1)))));
  }
}

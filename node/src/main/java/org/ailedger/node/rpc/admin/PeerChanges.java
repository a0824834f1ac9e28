package org.ailedger.node.rpc.admin;

import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.rpc.PeerSource.PeerChange;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.params.RpcParams;

/** The enode parameter and the answers admin_addPeer and admin_removePeer share. */
final class PeerChanges {
  private PeerChanges() {}

  static EnodeUrl enode(RpcParams params) {
    String text = params.string(0, "enode");
    try {
      return EnodeUrl.parse(text);
    } catch (IllegalArgumentException e) {
      throw new RpcException(
          RpcError.INVALID_PARAMS,
          "invalid " + RpcParams.where(0, "enode") + ": " + e.getMessage());
    }
  }

  static boolean answer(PeerChange change) {
    return switch (change) {
      case DONE -> true;
      case UNCHANGED -> false;
      case NOT_PERMITTED -> throw RpcException.of(RpcError.PEER_NOT_PERMITTED);
      case LOCAL_NODE -> throw RpcException.of(RpcError.CANT_CONNECT_TO_LOCAL_PEER);
      case P2P_DISABLED -> throw RpcException.of(RpcError.P2P_DISABLED);
    };
  }
}

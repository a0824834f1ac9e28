package org.ailedger.node.rpc;

import java.util.List;
import org.ailedger.node.p2p.peers.EnodeUrl;

/**
 * This node as {@code admin_nodeInfo} reports it.
 *
 * @param enode the URL peers dial this node at
 * @param name the client id this node announces in its Hello
 * @param listenPort the TCP port it accepts peers on
 * @param capabilities the subprotocols it speaks, e.g. {@code "eth/68"}
 */
public record NodeInfo(EnodeUrl enode, String name, int listenPort, List<String> capabilities) {
  public NodeInfo {
    if (enode == null || name == null || capabilities == null) {
      throw new IllegalArgumentException("node info fields must not be null");
    }
    capabilities = List.copyOf(capabilities);
  }
}

package org.ailedger.node.rpc;

/** The listener a call arrived on; metrics tell them apart because their clients differ. */
public enum RpcTransport {
  HTTP,
  WEBSOCKET
}

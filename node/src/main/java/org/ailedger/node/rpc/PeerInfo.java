package org.ailedger.node.rpc;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * One connected peer, as {@code admin_peers} reports it.
 *
 * @param nodeId the peer's 64-byte uncompressed public key without the 0x04 prefix
 * @param name the client name the peer announced
 * @param remoteAddress host:port of the peer's end of the connection
 * @param localAddress host:port of this node's end
 * @param capabilities protocol capabilities, e.g. {@code "qbft/1"}
 */
public record PeerInfo(
    Bytes nodeId,
    String name,
    String remoteAddress,
    String localAddress,
    List<String> capabilities) {
  public PeerInfo {
    if (nodeId == null
        || name == null
        || remoteAddress == null
        || localAddress == null
        || capabilities == null) {
      throw new IllegalArgumentException("peer info fields must not be null");
    }
    nodeId = nodeId.copy();
    capabilities = List.copyOf(capabilities);
  }
}

package org.ailedger.node.p2p.peers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.ailedger.node.crypto.PublicKey;
import org.apache.tuweni.bytes.Bytes;

/**
 * A peer's address as devp2p writes it: {@code enode://<128 hex digits of the node's public
 * key>@<host>:<port>}, where the node id is the 64-byte uncompressed secp256k1 key. An optional
 * {@code ?discport=N} is accepted and dropped: a permissioned network does no discovery.
 */
public record EnodeUrl(PublicKey nodeId, String host, int port) {
  public EnodeUrl {
    if (nodeId == null || host == null || host.isBlank()) {
      throw new IllegalArgumentException("an enode needs a node id and a host");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("enode port must be 1..65535, got " + port);
    }
  }

  /**
   * @throws IllegalArgumentException saying what is wrong when {@code text} is not an enode URL
   */
  public static EnodeUrl parse(String text) {
    if (text == null || !text.startsWith("enode://")) {
      throw new IllegalArgumentException("an enode URL starts with enode://, got: " + text);
    }
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed enode URL " + text + ": " + e.getMessage());
    }
    String id = uri.getUserInfo();
    if (id == null || !id.matches("[0-9a-fA-F]{128}")) {
      throw new IllegalArgumentException(
          "an enode URL names the node by 128 hex digits (its 64-byte public key): " + text);
    }
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException("an enode URL needs host:port after the node id: " + text);
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
      throw new IllegalArgumentException("an enode URL has no path: " + text);
    }
    if (uri.getRawQuery() != null && !uri.getRawQuery().matches("discport=\\d{1,5}")) {
      throw new IllegalArgumentException("an enode URL takes only ?discport=N: " + text);
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new EnodeUrl(new PublicKey(Bytes.fromHexString(id)), host, uri.getPort());
  }

  @Override
  public String toString() {
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    return "enode://"
        + nodeId.bytes().toUnprefixedHexString().toLowerCase(Locale.ROOT)
        + "@"
        + hostPart
        + ":"
        + port;
  }
}

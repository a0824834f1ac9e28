package org.ailedger.node.p2p.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.crypto.PublicKey;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.rlp.RLPReader;

/**
 * The first message each side sends after the handshake: {@code [p2pVersion, clientId, [[capName,
 * capVersion], …], listenPort, nodeId]}. Decoding follows EIP-8: items after the node id are
 * ignored, as are capabilities whose name this node could never share (so a peer's future naming
 * cannot break the connection).
 */
public record HelloMessage(
    int p2pVersion,
    String clientId,
    List<Capability> capabilities,
    int listenPort,
    PublicKey nodeId) {
  /** More capabilities than this in one Hello is not a real client; it bounds negotiation work. */
  public static final int MAX_CAPABILITIES = 64;

  /** Client ids longer than this are cut, so a peer cannot park megabytes in our peer table. */
  public static final int MAX_CLIENT_ID_BYTES = 256;

  public HelloMessage {
    if (p2pVersion < 0) {
      throw new IllegalArgumentException("p2p version must be non-negative: " + p2pVersion);
    }
    if (clientId == null) {
      throw new IllegalArgumentException("client id is required");
    }
    if (capabilities == null || capabilities.size() > MAX_CAPABILITIES) {
      throw new IllegalArgumentException("a Hello carries at most " + MAX_CAPABILITIES + " caps");
    }
    if (listenPort < 0 || listenPort > 0xFFFF) {
      throw new IllegalArgumentException("listen port out of range: " + listenPort);
    }
    if (nodeId == null) {
      throw new IllegalArgumentException("node id is required");
    }
    capabilities = List.copyOf(capabilities);
  }

  /** The RLP list, without the message code. */
  public Bytes encode() {
    return RLP.encodeList(
        w -> {
          w.writeInt(p2pVersion);
          w.writeString(clientId);
          w.writeList(
              capabilities,
              (cw, cap) ->
                  cw.writeList(
                      c -> {
                        c.writeString(cap.name());
                        c.writeInt(cap.version());
                      }));
          w.writeInt(listenPort);
          w.writeValue(nodeId.bytes());
        });
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a Hello
   */
  public static HelloMessage decode(Bytes rlp) {
    try {
      return RLP.decodeList(rlp, HelloMessage::read);
    } catch (RLPException e) {
      throw new IllegalArgumentException("malformed Hello: " + e.getMessage(), e);
    }
  }

  private static HelloMessage read(RLPReader r) {
    int version = r.readInt();
    Bytes clientIdBytes = r.readValue();
    String clientId =
        new String(
            clientIdBytes.slice(0, Math.min(clientIdBytes.size(), MAX_CLIENT_ID_BYTES)).toArray(),
            StandardCharsets.UTF_8);
    List<Capability> capabilities = r.readList(HelloMessage::readCapabilities);
    int port = r.isComplete() ? 0 : r.readInt();
    Bytes nodeId = r.readValue();
    // EIP-8: whatever follows belongs to future versions and is ignored
    return new HelloMessage(version, clientId, capabilities, port, new PublicKey(nodeId));
  }

  private static List<Capability> readCapabilities(RLPReader list) {
    List<Capability> caps = new ArrayList<>();
    int seen = 0;
    while (!list.isComplete()) {
      if (++seen > MAX_CAPABILITIES) {
        throw new IllegalArgumentException("Hello announces more than " + MAX_CAPABILITIES);
      }
      list.readList(
          c -> {
            Bytes name = c.readValue();
            int version = c.readInt();
            if (isCapabilityName(name) && version >= 0) {
              caps.add(
                  new Capability(new String(name.toArray(), StandardCharsets.US_ASCII), version));
            }
            return null;
          });
    }
    return caps;
  }

  private static boolean isCapabilityName(Bytes name) {
    if (name.isEmpty() || name.size() > Capability.MAX_NAME_LENGTH) {
      return false;
    }
    for (int i = 0; i < name.size(); i++) {
      int c = name.get(i) & 0xFF;
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Hello{v" + p2pVersion + " " + clientId + " " + capabilities + "}";
  }
}

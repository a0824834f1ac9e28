package org.ailedger.node.p2p.eth;

import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/** A peer that remembers what it was sent and why it was disconnected. */
final class RecordingPeer implements EthPeer {
  final List<EthMessage> sent = new ArrayList<>();
  EthProtocolViolation disconnectedFor;

  @Override
  public Bytes nodeId() {
    return Bytes.repeat((byte) 7, 64);
  }

  @Override
  public void send(EthMessage message) {
    sent.add(message);
  }

  @Override
  public void disconnect(EthProtocolViolation reason) {
    disconnectedFor = reason;
  }
}

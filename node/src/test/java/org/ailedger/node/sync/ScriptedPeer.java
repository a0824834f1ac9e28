package org.ailedger.node.sync;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.node.p2p.eth.EthMessage;
import org.ailedger.node.p2p.eth.EthPeer;
import org.ailedger.node.p2p.eth.EthProtocolViolation;
import org.apache.tuweni.bytes.Bytes;

/** A peer the test speaks for: it records what the node sends it and why it was dropped. */
final class ScriptedPeer implements EthPeer {
  final List<EthMessage> sent = new ArrayList<>();
  EthProtocolViolation disconnectedFor;

  @Override
  public Bytes nodeId() {
    return Bytes.repeat((byte) 9, 64);
  }

  @Override
  public void send(EthMessage message) {
    sent.add(message);
  }

  @Override
  public void disconnect(EthProtocolViolation reason) {
    disconnectedFor = reason;
  }

  <T extends EthMessage> T last(Class<T> type) {
    return type.cast(sent.getLast());
  }
}

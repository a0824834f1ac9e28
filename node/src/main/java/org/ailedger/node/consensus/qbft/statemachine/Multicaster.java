package org.ailedger.node.consensus.qbft.statemachine;

import java.util.Collection;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * The network's side of consensus: sends QBFT message data to the connected peers whose validator
 * addresses are listed. Implementations must not block the caller (the consensus thread); a peer
 * not connected is skipped.
 */
@FunctionalInterface
public interface Multicaster {
  /**
   * @param code the code within istanbul/100 (0x12 to 0x15); the connection adds its offset
   */
  void send(Collection<Address> recipients, int code, Bytes data);

  /**
   * The peer with validator address {@code peer} sent bytes no honest node sends (malformed, or
   * signed by no one); the network drops it. Messages that are merely late, early or from a
   * non-validator are not reported: honest nodes send those too.
   */
  default void misbehaved(Address peer, String reason) {}
}

package org.ailedger.node.consensus.qbft.message;

import java.util.Optional;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/** The four QBFT messages. {@link #encode()} gives the message data sent under {@link #code()}. */
public sealed interface QbftMessage permits Proposal, Prepare, Commit, RoundChange {
  SignedPayload<? extends Payload> signed();

  default int code() {
    return signed().payload().code();
  }

  default RoundId roundId() {
    return signed().roundId();
  }

  /** The recovered author; empty when the signature is bad. */
  default Optional<Address> author() {
    return signed().author();
  }

  Bytes encode();
}

package org.ailedger.indexer.event;

import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;

/**
 * One event a native contract emits: its ABI definition, taken from the chaincode bindings, and how
 * its decoded parameters become the typed record.
 */
public record EventType(
    NativeContract contract, Event abi, Function<EventValues, LedgerEvent> factory) {
  public EventType {
    if (contract == null || abi == null || factory == null) {
      throw new IllegalArgumentException("an event type has a contract, an ABI and a factory");
    }
  }

  /** topic 0: keccak256 of the canonical signature, as web3j computes it from the ABI. */
  public Bytes32 topic() {
    return Bytes32.fromHexString(EventEncoder.encode(abi));
  }

  public String name() {
    return abi.getName();
  }
}

package org.ailedger.indexer.event;

/**
 * An event of one of the five native contracts, typed. Each contract's events form a sealed
 * interface of records whose names and components are the ABI's, so a switch over them breaks the
 * build when an event is added and not handled.
 */
public sealed interface LedgerEvent
    permits PermissionsEvent, ModelRegistryEvent, DataProvenanceEvent, TokenEvent, GovernorEvent {

  /** The contract that emits this event. */
  NativeContract contract();

  /** The event's name in the contract's ABI, e.g. {@code UpdateSubmitted}. */
  default String eventName() {
    return getClass().getSimpleName();
  }
}

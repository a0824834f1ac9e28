package org.ailedger.precompiles.abi;

/** Solidity's state mutability of a function, as far as a native contract can have one. */
public enum Mutability {
  /** Reads state only; runs over a read-only view, so a write is caught as a bug. */
  VIEW,
  /** May change state; a call carrying value is refused. */
  NONPAYABLE,
  /** May change state and accept value. */
  PAYABLE
}

package org.ailedger.precompiles.token;

import org.ailedger.precompiles.abi.AbiEvent;

/**
 * The ERC-20 events, exactly as wallets and indexers expect them. A mint is a Transfer from the
 * zero address; allowance spent by {@code transferFrom} is announced as an Approval with the
 * remaining amount, so the logs alone tell every balance and allowance. Genesis allocations emit
 * nothing (genesis has no transactions to carry logs); the genesis file states them.
 */
public final class TokenEvents {
  public static final AbiEvent TRANSFER =
      AbiEvent.parse("Transfer(address indexed from, address indexed to, uint256 value)");
  public static final AbiEvent APPROVAL =
      AbiEvent.parse("Approval(address indexed owner, address indexed spender, uint256 value)");

  private TokenEvents() {}
}

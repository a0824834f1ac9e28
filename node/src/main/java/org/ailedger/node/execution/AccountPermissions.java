package org.ailedger.node.execution;

import org.ailedger.precompiles.SlotStore;
import org.ailedger.types.Address;

/**
 * The allowlist check, read from the Permissions contract's storage in the state being executed.
 */
@FunctionalInterface
public interface AccountPermissions {
  boolean isAccountAllowed(SlotStore state, Address account);
}

package org.ailedger.node.execution;

import java.util.List;
import org.ailedger.precompiles.SlotStore;
import org.ailedger.types.Address;

/** The validator set recorded in the Permissions contract's storage of a state. */
@FunctionalInterface
public interface ValidatorSetReader {
  List<Address> validators(SlotStore state);
}

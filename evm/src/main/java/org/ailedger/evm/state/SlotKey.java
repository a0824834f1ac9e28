package org.ailedger.evm.state;

import org.apache.tuweni.units.bigints.UInt256;

/** One storage slot of one account, as a set or map key. */
record SlotKey(Address address, UInt256 key) {}

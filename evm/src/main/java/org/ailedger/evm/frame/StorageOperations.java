package org.ailedger.evm.frame;

import org.ailedger.evm.state.Address;
import org.ailedger.evm.state.WorldState;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * SLOAD and SSTORE with EIP-2929 access costs and EIP-2200/3529 pricing and refunds; TLOAD/TSTORE.
 */
final class StorageOperations {
  private static final long WARM = 100;
  private static final long COLD_SLOT = 2100;
  private static final long SET = 20_000;
  private static final long RESET = 5_000 - COLD_SLOT;
  private static final long CLEAR_REFUND = 4_800;

  /** EIP-2200: SSTORE fails unless more than the call stipend is left. */
  private static final long STIPEND = 2_300;

  void sload(Frame f, WorldState state) {
    f.require(1, 1);
    UInt256 key = f.pop();
    Address self = f.message.recipient();
    f.useGas(state.substate().warm(self, key) ? COLD_SLOT : WARM);
    f.push(state.storage(self, key));
  }

  void sstore(Frame f, WorldState state) {
    f.require(2, 0);
    if (f.message.isStatic()) {
      throw new Halt(HaltReason.STATE_CHANGE_IN_STATIC_CALL);
    }
    if (f.gas <= STIPEND) {
      throw new Halt(HaltReason.OUT_OF_GAS);
    }
    UInt256 key = f.pop();
    UInt256 value = f.pop();
    Address self = f.message.recipient();
    long cost = state.substate().warm(self, key) ? COLD_SLOT : 0;
    UInt256 current = state.storage(self, key);
    UInt256 original = state.originalStorage(self, key);
    long refund = 0;
    if (current.equals(value)) {
      cost += WARM;
    } else if (original.equals(current)) {
      cost += original.isZero() ? SET : RESET;
      if (value.isZero()) {
        refund += CLEAR_REFUND;
      }
    } else {
      cost += WARM;
      if (!original.isZero()) {
        if (current.isZero()) {
          refund -= CLEAR_REFUND;
        } else if (value.isZero()) {
          refund += CLEAR_REFUND;
        }
      }
      if (original.equals(value)) {
        refund += original.isZero() ? SET - WARM : RESET - WARM;
      }
    }
    f.useGas(cost);
    if (refund != 0) {
      state.substate().addRefund(refund);
    }
    state.setStorage(self, key, value);
  }

  void tload(Frame f, WorldState state) {
    f.require(1, 1);
    f.useGas(WARM);
    UInt256 key = f.pop();
    f.push(state.substate().transientValue(f.message.recipient(), key));
  }

  void tstore(Frame f, WorldState state) {
    f.require(2, 0);
    if (f.message.isStatic()) {
      throw new Halt(HaltReason.STATE_CHANGE_IN_STATIC_CALL);
    }
    f.useGas(WARM);
    UInt256 key = f.pop();
    UInt256 value = f.pop();
    state.substate().setTransientValue(f.message.recipient(), key, value);
  }
}

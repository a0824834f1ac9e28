package org.ailedger.evm.frame;

/** Why a frame stopped exceptionally: all its gas is consumed and its changes reverted. */
public enum HaltReason {
  OUT_OF_GAS,
  STACK_UNDERFLOW,
  STACK_OVERFLOW,
  INVALID_JUMP,
  INVALID_OPCODE,
  STATE_CHANGE_IN_STATIC_CALL,
  RETURN_DATA_OUT_OF_BOUNDS,
  CODE_TOO_LARGE,
  INVALID_CODE_PREFIX,
  INIT_CODE_TOO_LARGE,
  ADDRESS_COLLISION,
  PRECOMPILE_FAILURE
}

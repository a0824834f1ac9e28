package org.ailedger.evm.frame;

import org.ailedger.evm.hash.Keccak256;
import org.ailedger.evm.state.Address;
import org.ailedger.evm.state.WorldState;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The opcodes that end a frame or start another: CREATE/CREATE2, the four calls, RETURN, REVERT,
 * INVALID and SELFDESTRUCT, priced per EIP-150 (63/64), EIP-2929 (cold access) and EIP-3860.
 */
final class SystemOperations {
  static final int MAX_DEPTH = 1024;
  static final int MAX_INIT_CODE_SIZE = 49_152;
  private static final long CALL_VALUE = 9_000;
  private static final long NEW_ACCOUNT = 25_000;
  private static final long STIPEND = 2_300;
  private static final long CREATE = 32_000;

  private final MessageProcessor processor;

  SystemOperations(MessageProcessor processor) {
    this.processor = processor;
  }

  /** Runs the opcode; returns the frame's end for RETURN, REVERT and SELFDESTRUCT, else null. */
  FrameResult execute(int op, Frame f, ExecutionContext ctx) {
    switch (op) {
      case 0xf0 -> create(f, ctx, false);
      case 0xf5 -> create(f, ctx, true);
      case 0xf1, 0xf2, 0xf4, 0xfa -> call(op, f, ctx);
      case 0xf3, 0xfd -> {
        f.require(2, 0);
        UInt256 offset = f.pop();
        UInt256 length = f.pop();
        long off = f.memoryArea(offset, length);
        Bytes output = f.memory.read(off, Frame.length(length));
        return op == 0xf3 ? FrameResult.success(f.gas, output) : FrameResult.revert(f.gas, output);
      }
      case 0xff -> {
        return selfDestruct(f, ctx.state());
      }
      default -> throw new Halt(HaltReason.INVALID_OPCODE);
    }
    return null;
  }

  private static FrameResult selfDestruct(Frame f, WorldState state) {
    f.require(1, 0);
    if (f.message.isStatic()) {
      throw new Halt(HaltReason.STATE_CHANGE_IN_STATIC_CALL);
    }
    Address beneficiary = Address.fromWord(f.pop());
    Address self = f.message.recipient();
    long cost = 5_000;
    if (state.substate().warm(beneficiary)) {
      cost += 2_600;
    }
    if (!state.balance(self).isZero() && state.isDead(beneficiary)) {
      cost += NEW_ACCOUNT;
    }
    f.useGas(cost);
    state.selfDestruct(self, beneficiary);
    return FrameResult.success(f.gas, Bytes.EMPTY);
  }

  private void create(Frame f, ExecutionContext ctx, boolean salted) {
    f.require(salted ? 4 : 3, 1);
    if (f.message.isStatic()) {
      throw new Halt(HaltReason.STATE_CHANGE_IN_STATIC_CALL);
    }
    UInt256 value = f.pop();
    UInt256 offset = f.pop();
    UInt256 length = f.pop();
    UInt256 salt = salted ? f.pop() : null;
    long len = Frame.length(length);
    if (len > MAX_INIT_CODE_SIZE) {
      throw new Halt(HaltReason.INIT_CODE_TOO_LARGE);
    }
    long words = Frame.words(len);
    f.useGas(CREATE + 2 * words + (salted ? 6 * words : 0));
    long off = f.memoryArea(offset, length);
    Bytes initCode = f.memory.read(off, len);
    f.returnData = Bytes.EMPTY;

    WorldState state = ctx.state();
    Address self = f.message.recipient();
    long nonce = state.nonce(self);
    if (f.message.depth() + 1 > MAX_DEPTH
        || state.balance(self).compareTo(value) < 0
        || nonce == -1L) {
      f.push(UInt256.ZERO);
      return;
    }
    Address address =
        salted
            ? ContractAddress.ofCreate2(self, salt.toBytes(), Keccak256.hash(initCode))
            : ContractAddress.ofCreate(self, nonce);
    state.setNonce(self, nonce + 1);
    long childGas = f.gas - f.gas / 64;
    f.useGas(childGas);
    Message child =
        new Message(
            self, address, address, value, Bytes.EMPTY, childGas, f.message.depth() + 1, false);
    FrameResult result = processor.create(child, initCode, ctx);
    f.gas += result.gasLeft();
    f.returnData = result.reverted() ? result.output() : Bytes.EMPTY;
    f.push(result.success() ? address.toWord() : UInt256.ZERO);
  }

  private void call(int op, Frame f, ExecutionContext ctx) {
    f.require(op == 0xf1 || op == 0xf2 ? 7 : 6, 1);
    WorldState state = ctx.state();
    Message m = f.message;
    UInt256 requestedGas = f.pop();
    Address to = Address.fromWord(f.pop());
    UInt256 value = op == 0xf1 || op == 0xf2 ? f.pop() : UInt256.ZERO;
    UInt256 inOffset = f.pop();
    UInt256 inLength = f.pop();
    UInt256 outOffset = f.pop();
    UInt256 outLength = f.pop();
    boolean transfersValue = !value.isZero();
    if (op == 0xf1 && transfersValue && m.isStatic()) {
      throw new Halt(HaltReason.STATE_CHANGE_IN_STATIC_CALL);
    }
    long in = f.memoryArea(inOffset, inLength);
    long out = f.memoryArea(outOffset, outLength);
    long cost = Interpreter.accountAccess(state, to);
    if (transfersValue) {
      cost += CALL_VALUE;
      if (op == 0xf1 && state.isDead(to)) {
        cost += NEW_ACCOUNT;
      }
    }
    f.useGas(cost);
    long available = f.gas - f.gas / 64;
    long childGas =
        requestedGas.fitsLong() ? Math.min(requestedGas.toLong(), available) : available;
    f.useGas(childGas);
    if (transfersValue) {
      childGas += STIPEND;
    }
    Bytes input = f.memory.read(in, Frame.length(inLength));
    f.returnData = Bytes.EMPTY;
    if (m.depth() + 1 > MAX_DEPTH
        || (transfersValue && state.balance(m.recipient()).compareTo(value) < 0)) {
      f.gas += childGas;
      f.push(UInt256.ZERO);
      return;
    }
    Message child =
        switch (op) {
          case 0xf1 ->
              new Message(
                  m.recipient(), to, to, value, input, childGas, m.depth() + 1, m.isStatic());
          case 0xf2 ->
              new Message(
                  m.recipient(),
                  m.recipient(),
                  to,
                  value,
                  input,
                  childGas,
                  m.depth() + 1,
                  m.isStatic());
          case 0xf4 ->
              new Message(
                  m.caller(),
                  m.recipient(),
                  to,
                  m.value(),
                  input,
                  childGas,
                  m.depth() + 1,
                  m.isStatic());
          default ->
              new Message(
                  m.recipient(), to, to, UInt256.ZERO, input, childGas, m.depth() + 1, true);
        };
    FrameResult result = processor.call(child, op == 0xf1, ctx);
    f.gas += result.gasLeft();
    f.returnData = result.output();
    long outLen = Frame.length(outLength);
    if (outLen > 0 && !result.output().isEmpty()) {
      Bytes output = result.output();
      int n = (int) Math.min(outLen, output.size());
      f.memory.write(out, output.slice(0, n).toArray());
    }
    f.push(result.success() ? UInt256.ONE : UInt256.ZERO);
  }
}

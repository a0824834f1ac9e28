package org.ailedger.evm.frame;

import org.ailedger.evm.hash.Keccak256;
import org.ailedger.evm.state.Address;
import org.ailedger.evm.state.Log;
import org.ailedger.evm.state.WorldState;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Runs one frame's bytecode with Cancun's opcodes and gas schedule. Calls, creations and
 * SELFDESTRUCT are delegated to {@link SystemOperations}, storage to {@link StorageOperations}.
 */
final class Interpreter {
  private static final long WARM = 100;
  private static final long COLD_ACCOUNT = 2600;

  private final SystemOperations system;
  private final StorageOperations storage = new StorageOperations();

  Interpreter(SystemOperations system) {
    this.system = system;
  }

  FrameResult run(Frame f, ExecutionContext ctx) {
    try {
      return loop(f, ctx);
    } catch (Halt halt) {
      return FrameResult.halt(halt.reason);
    }
  }

  @SuppressWarnings("MethodLength")
  private FrameResult loop(Frame f, ExecutionContext ctx) {
    final byte[] code = f.code;
    final Message m = f.message;
    final WorldState state = ctx.state();
    while (true) {
      if (f.pc >= code.length) {
        return FrameResult.success(f.gas, Bytes.EMPTY);
      }
      int op = code[f.pc] & 0xff;
      switch (op) {
        case 0x00 -> {
          return FrameResult.success(f.gas, Bytes.EMPTY);
        }
        case 0x01 -> binary(f, 3, f.pop().add(f.pop()));
        case 0x02 -> binary(f, 5, f.pop().multiply(f.pop()));
        case 0x03 -> binary(f, 3, f.pop().subtract(f.pop()));
        case 0x04 -> {
          f.require(2, 1);
          UInt256 a = f.pop();
          UInt256 b = f.pop();
          binary(f, 5, WordDivision.divide(a, b));
        }
        case 0x05 -> binary(f, 5, SignedWords.sdiv(pop2(f), f.pop()));
        case 0x06 -> {
          f.require(2, 1);
          UInt256 a = f.pop();
          UInt256 b = f.pop();
          binary(f, 5, WordDivision.remainder(a, b));
        }
        case 0x07 -> binary(f, 5, SignedWords.smod(pop2(f), f.pop()));
        case 0x08 -> {
          f.require(3, 1);
          binary(f, 8, SignedWords.addMod(f.pop(), f.pop(), f.pop()));
        }
        case 0x09 -> {
          f.require(3, 1);
          binary(f, 8, SignedWords.mulMod(f.pop(), f.pop(), f.pop()));
        }
        case 0x0a -> {
          f.require(2, 1);
          UInt256 base = f.pop();
          UInt256 exponent = f.pop();
          binary(f, 10 + 50L * ((exponent.bitLength() + 7) / 8), SignedWords.exp(base, exponent));
        }
        case 0x0b -> binary(f, 5, SignedWords.signExtend(pop2(f), f.pop()));
        case 0x10 -> binary(f, 3, bool(pop2(f).compareTo(f.pop()) < 0));
        case 0x11 -> binary(f, 3, bool(pop2(f).compareTo(f.pop()) > 0));
        case 0x12 -> binary(f, 3, bool(SignedWords.compare(pop2(f), f.pop()) < 0));
        case 0x13 -> binary(f, 3, bool(SignedWords.compare(pop2(f), f.pop()) > 0));
        case 0x14 -> binary(f, 3, bool(pop2(f).equals(f.pop())));
        case 0x15 -> binary(f, 3, bool(pop1(f).isZero()));
        case 0x16 -> binary(f, 3, pop2(f).and(f.pop()));
        case 0x17 -> binary(f, 3, pop2(f).or(f.pop()));
        case 0x18 -> binary(f, 3, pop2(f).xor(f.pop()));
        case 0x19 -> binary(f, 3, pop1(f).not());
        case 0x1a -> {
          UInt256 i = pop2(f);
          UInt256 x = f.pop();
          binary(
              f,
              3,
              i.fitsInt() && i.intValue() < 32
                  ? UInt256.valueOf(x.get(i.intValue()) & 0xff)
                  : UInt256.ZERO);
        }
        case 0x1b -> {
          UInt256 shift = pop2(f);
          UInt256 x = f.pop();
          binary(
              f,
              3,
              shift.fitsInt() && shift.intValue() < 256
                  ? x.shiftLeft(shift.intValue())
                  : UInt256.ZERO);
        }
        case 0x1c -> {
          UInt256 shift = pop2(f);
          UInt256 x = f.pop();
          binary(
              f,
              3,
              shift.fitsInt() && shift.intValue() < 256
                  ? x.shiftRight(shift.intValue())
                  : UInt256.ZERO);
        }
        case 0x1d -> binary(f, 3, SignedWords.sar(pop2(f), f.pop()));
        case 0x20 -> {
          f.require(2, 1);
          UInt256 offset = f.pop();
          UInt256 length = f.pop();
          long len = Frame.length(length);
          f.useGas(30 + 6 * Frame.words(len));
          long off = f.memoryArea(offset, length);
          binary(f, 0, UInt256.fromBytes(Keccak256.hash(f.memory.read(off, len))));
        }
        case 0x30 -> push(f, 2, m.recipient().toWord());
        case 0x31 -> {
          f.require(1, 1);
          Address a = Address.fromWord(f.pop());
          f.useGas(accountAccess(state, a));
          f.push(state.balance(a));
        }
        case 0x32 -> push(f, 2, ctx.tx().origin().toWord());
        case 0x33 -> push(f, 2, m.caller().toWord());
        case 0x34 -> push(f, 2, m.value());
        case 0x35 -> {
          f.useGas(3);
          UInt256 offset = pop1(f);
          f.push(UInt256.fromBytes(slicePadded(m.input(), offset, 32)));
        }
        case 0x36 -> push(f, 2, UInt256.valueOf(m.input().size()));
        case 0x37 -> copyToMemory(f, m.input());
        case 0x38 -> push(f, 2, UInt256.valueOf(code.length));
        case 0x39 -> copyToMemory(f, Bytes.wrap(code));
        case 0x3a -> push(f, 2, ctx.tx().gasPrice());
        case 0x3b -> {
          f.require(1, 1);
          Address a = Address.fromWord(f.pop());
          f.useGas(accountAccess(state, a));
          f.push(UInt256.valueOf(state.code(a).size()));
        }
        case 0x3c -> {
          f.require(4, 0);
          Address a = Address.fromWord(f.pop());
          // copyToMemory adds 3 + 3 per word; EIP-2929 makes the base the access cost
          f.useGas(accountAccess(state, a) - 3);
          copyToMemory(f, state.code(a));
        }
        case 0x3d -> push(f, 2, UInt256.valueOf(f.returnData.size()));
        case 0x3e -> {
          f.require(3, 0);
          UInt256 memOffset = f.pop();
          UInt256 dataOffset = f.pop();
          UInt256 length = f.pop();
          if (!dataOffset.fitsLong()
              || !length.fitsLong()
              || dataOffset.toLong() + length.toLong() > f.returnData.size()
              || dataOffset.toLong() + length.toLong() < 0) {
            throw new Halt(HaltReason.RETURN_DATA_OUT_OF_BOUNDS);
          }
          long len = length.toLong();
          f.useGas(3 + 3 * Frame.words(len));
          long off = f.memoryArea(memOffset, length);
          if (len > 0) {
            f.memory.writePadded(off, f.returnData, dataOffset.toLong(), len);
          }
          f.pc++;
          continue;
        }
        case 0x3f -> {
          f.require(1, 1);
          Address a = Address.fromWord(f.pop());
          f.useGas(accountAccess(state, a));
          f.push(state.isDead(a) ? UInt256.ZERO : UInt256.fromBytes(state.codeHash(a)));
        }
        case 0x40 -> {
          f.useGas(20);
          UInt256 number = pop1(f);
          long current = ctx.block().number();
          boolean inWindow =
              number.fitsLong() && number.toLong() < current && number.toLong() >= current - 256;
          f.push(
              inWindow
                  ? UInt256.fromBytes(ctx.block().blockHashes().apply(number.toLong()))
                  : UInt256.ZERO);
        }
        case 0x41 -> push(f, 2, ctx.block().coinbase().toWord());
        case 0x42 -> push(f, 2, UInt256.valueOf(ctx.block().timestamp()));
        case 0x43 -> push(f, 2, UInt256.valueOf(ctx.block().number()));
        case 0x44 -> push(f, 2, UInt256.fromBytes(ctx.block().prevRandao()));
        case 0x45 -> push(f, 2, UInt256.valueOf(ctx.block().gasLimit()));
        case 0x46 -> push(f, 2, ctx.block().chainId());
        case 0x47 -> push(f, 5, state.balance(m.recipient()));
        case 0x48 -> push(f, 2, ctx.block().baseFee());
        case 0x49 -> {
          f.useGas(3);
          UInt256 index = pop1(f);
          var hashes = ctx.tx().blobHashes();
          f.push(
              index.fitsInt() && index.intValue() < hashes.size()
                  ? UInt256.fromBytes(hashes.get(index.intValue()))
                  : UInt256.ZERO);
        }
        case 0x4a -> push(f, 2, ctx.block().blobBaseFee());
        case 0x50 -> {
          f.useGas(2);
          f.pop();
        }
        case 0x51 -> {
          f.useGas(3);
          UInt256 offset = pop1(f);
          long off = f.memoryArea(offset, UInt256.valueOf(32));
          f.push(UInt256.fromBytes(f.memory.read(off, 32)));
        }
        case 0x52 -> {
          f.require(2, 0);
          f.useGas(3);
          UInt256 offset = f.pop();
          UInt256 value = f.pop();
          long off = f.memoryArea(offset, UInt256.valueOf(32));
          f.memory.write(off, value.toBytes().toArrayUnsafe());
        }
        case 0x53 -> {
          f.require(2, 0);
          f.useGas(3);
          UInt256 offset = f.pop();
          UInt256 value = f.pop();
          long off = f.memoryArea(offset, UInt256.ONE);
          f.memory.writeByte(off, value.get(31));
        }
        case 0x54 -> storage.sload(f, state);
        case 0x55 -> storage.sstore(f, state);
        case 0x56 -> {
          f.useGas(8);
          jump(f, pop1(f));
          continue;
        }
        case 0x57 -> {
          f.require(2, 0);
          f.useGas(10);
          UInt256 destination = f.pop();
          if (!f.pop().isZero()) {
            jump(f, destination);
            continue;
          }
        }
        case 0x58 -> push(f, 2, UInt256.valueOf(f.pc));
        case 0x59 -> push(f, 2, UInt256.valueOf(f.memory.size()));
        case 0x5a -> {
          f.useGas(2);
          f.push(UInt256.valueOf(f.gas));
        }
        case 0x5b -> f.useGas(1);
        case 0x5c -> storage.tload(f, state);
        case 0x5d -> storage.tstore(f, state);
        case 0x5e -> {
          f.require(3, 0);
          UInt256 destination = f.pop();
          UInt256 source = f.pop();
          UInt256 length = f.pop();
          long len = Frame.length(length);
          f.useGas(3 + 3 * Frame.words(len));
          if (len > 0) {
            UInt256 highest = destination.compareTo(source) > 0 ? destination : source;
            f.memoryArea(highest, length);
            f.memory.copyWithin(destination.toLong(), source.toLong(), len);
          }
        }
        case 0x5f -> push(f, 2, UInt256.ZERO);
        default -> {
          if (op >= 0x60 && op <= 0x7f) {
            int n = op - 0x5f;
            f.useGas(3);
            f.push(f.pushValues[f.pc]);
            f.pc += n + 1;
            continue;
          } else if (op >= 0x80 && op <= 0x8f) {
            f.useGas(3);
            f.dup(op - 0x7f);
          } else if (op >= 0x90 && op <= 0x9f) {
            f.useGas(3);
            f.swap(op - 0x8f);
          } else if (op >= 0xa0 && op <= 0xa4) {
            log(f, state, op - 0xa0);
          } else {
            FrameResult end = system.execute(op, f, ctx);
            if (end != null) {
              return end;
            }
          }
        }
      }
      f.pc++;
    }
  }

  private static void binary(Frame f, long cost, UInt256 result) {
    f.useGas(cost);
    f.push(result);
  }

  private static void push(Frame f, long cost, UInt256 value) {
    f.useGas(cost);
    f.push(value);
  }

  /** Pops the first of two operands after checking both are there. */
  private static UInt256 pop2(Frame f) {
    f.require(2, 1);
    return f.pop();
  }

  private static UInt256 pop1(Frame f) {
    f.require(1, 1);
    return f.pop();
  }

  private static UInt256 bool(boolean value) {
    return value ? UInt256.ONE : UInt256.ZERO;
  }

  /** The EIP-2929 cost of touching an account: warm 100, cold 2600 (and warms it). */
  static long accountAccess(WorldState state, Address address) {
    return state.substate().warm(address) ? COLD_ACCOUNT : WARM;
  }

  private static void jump(Frame f, UInt256 destination) {
    if (!destination.fitsInt()
        || destination.intValue() >= f.code.length
        || !f.jumpDestinations.get(destination.intValue())) {
      throw new Halt(HaltReason.INVALID_JUMP);
    }
    f.pc = destination.intValue();
  }

  private static Bytes slicePadded(Bytes source, UInt256 offset, int length) {
    byte[] out = new byte[length];
    if (offset.fitsInt() && offset.intValue() < source.size()) {
      int off = offset.intValue();
      int n = Math.min(length, source.size() - off);
      System.arraycopy(source.toArrayUnsafe(), off, out, 0, n);
    }
    return Bytes.wrap(out);
  }

  /** CALLDATACOPY, CODECOPY and the tail of EXTCODECOPY: [memOffset, srcOffset, length]. */
  private static void copyToMemory(Frame f, Bytes source) {
    f.require(3, 0);
    UInt256 memOffset = f.pop();
    UInt256 srcOffset = f.pop();
    UInt256 length = f.pop();
    long len = Frame.length(length);
    f.useGas(3 + 3 * Frame.words(len));
    long off = f.memoryArea(memOffset, length);
    if (len > 0) {
      long src = srcOffset.fitsLong() ? srcOffset.toLong() : Long.MAX_VALUE;
      f.memory.writePadded(off, source, Math.min(src, source.size()), len);
    }
  }

  private static void log(Frame f, WorldState state, int topicCount) {
    f.require(2 + topicCount, 0);
    if (f.message.isStatic()) {
      throw new Halt(HaltReason.STATE_CHANGE_IN_STATIC_CALL);
    }
    UInt256 offset = f.pop();
    UInt256 length = f.pop();
    Bytes32[] topics = new Bytes32[topicCount];
    for (int i = 0; i < topicCount; i++) {
      topics[i] = f.pop().toBytes();
    }
    long len = Frame.length(length);
    f.useGas(375 + 375L * topicCount + 8 * len);
    long off = f.memoryArea(offset, length);
    state
        .substate()
        .addLog(new Log(f.message.recipient(), java.util.List.of(topics), f.memory.read(off, len)));
  }
}

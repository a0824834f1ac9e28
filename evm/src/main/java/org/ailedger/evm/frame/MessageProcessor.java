package org.ailedger.evm.frame;

import java.util.Map;
import java.util.Optional;
import org.ailedger.evm.precompile.PrecompiledContract;
import org.ailedger.evm.state.Address;
import org.ailedger.evm.state.WorldState;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Executes a message call or a contract creation: value transfer, precompile or bytecode, and the
 * revert of the frame's changes when it fails. Frames nest by Java recursion, so a transaction must
 * run on a thread whose stack holds 1024 nested frames (see the transaction processor).
 */
public final class MessageProcessor {
  static final int MAX_CODE_SIZE = 24_576;
  private static final long CODE_DEPOSIT_PER_BYTE = 200;

  private final Map<Integer, PrecompiledContract> precompiles;
  private final CodeAnalysis analysis = new CodeAnalysis();
  private final Interpreter interpreter = new Interpreter(new SystemOperations(this));

  /** {@code precompiles}: the contracts at addresses 0x01.., keyed by the address' number. */
  public MessageProcessor(Map<Integer, PrecompiledContract> precompiles) {
    this.precompiles = Map.copyOf(precompiles);
  }

  /** The precompile at the address, if any. */
  public Optional<PrecompiledContract> precompile(Address address) {
    Bytes bytes = address.bytes();
    if (!bytes.slice(0, 18).isZero()) {
      return Optional.empty();
    }
    return Optional.ofNullable(precompiles.get(bytes.slice(18, 2).toInt()));
  }

  /** The addresses of all precompiles, which every transaction starts with warm (EIP-2929). */
  public Iterable<Address> precompileAddresses() {
    return precompiles.keySet().stream().map(n -> Address.fromWord(UInt256.valueOf(n))).toList();
  }

  /**
   * Runs a call; {@code transfer} moves the message's value from caller to recipient first (CALL
   * and transactions; not CALLCODE, DELEGATECALL or STATICCALL).
   */
  public FrameResult call(Message m, boolean transfer, ExecutionContext ctx) {
    WorldState state = ctx.state();
    int snapshot = state.snapshot();
    Optional<PrecompiledContract> precompile = precompile(m.codeAddress());
    if (transfer) {
      if (!state.exists(m.recipient()) && precompile.isEmpty() && m.value().isZero()) {
        // EIP-158: a value-free call does not bring an absent account into existence
        return FrameResult.success(m.gas(), Bytes.EMPTY);
      }
      state.subtractBalance(m.caller(), m.value());
      state.addBalance(m.recipient(), m.value());
    }
    FrameResult result;
    if (precompile.isPresent()) {
      result = runPrecompile(precompile.get(), m);
    } else {
      Bytes code = state.code(m.codeAddress());
      if (code.isEmpty()) {
        return FrameResult.success(m.gas(), Bytes.EMPTY);
      }
      Frame frame = new Frame(m, analysis.analysed(state.codeHash(m.codeAddress()), code));
      result = interpreter.run(frame, ctx);
    }
    if (!result.success()) {
      state.revertTo(snapshot);
    }
    return result;
  }

  /**
   * Creates the contract at {@code m.recipient()} by running {@code initCode}; the caller has
   * incremented its nonce and charged the creation.
   */
  public FrameResult create(Message m, Bytes initCode, ExecutionContext ctx) {
    WorldState state = ctx.state();
    Address address = m.recipient();
    state.substate().warm(address);
    if (state.hasCollision(address)) {
      return FrameResult.halt(HaltReason.ADDRESS_COLLISION);
    }
    int snapshot = state.snapshot();
    state.createAccount(address);
    state.setNonce(address, 1);
    state.subtractBalance(m.caller(), m.value());
    state.addBalance(address, m.value());
    FrameResult result = interpreter.run(new Frame(m, AnalyzedCode.of(initCode)), ctx);
    if (result.success()) {
      result = deposit(result, address, state);
    }
    if (!result.success()) {
      state.revertTo(snapshot);
      return result;
    }
    return result.withCreated(address);
  }

  private static FrameResult deposit(FrameResult result, Address address, WorldState state) {
    Bytes code = result.output();
    if (code.size() > MAX_CODE_SIZE) {
      return FrameResult.halt(HaltReason.CODE_TOO_LARGE);
    }
    if (!code.isEmpty() && code.get(0) == (byte) 0xef) {
      return FrameResult.halt(HaltReason.INVALID_CODE_PREFIX);
    }
    long cost = CODE_DEPOSIT_PER_BYTE * code.size();
    if (result.gasLeft() < cost) {
      return FrameResult.halt(HaltReason.OUT_OF_GAS);
    }
    state.setCode(address, code);
    return FrameResult.success(result.gasLeft() - cost, Bytes.EMPTY);
  }

  private static FrameResult runPrecompile(PrecompiledContract contract, Message m) {
    long cost = contract.gasRequirement(m.input());
    if (cost > m.gas()) {
      return FrameResult.halt(HaltReason.OUT_OF_GAS);
    }
    Optional<Bytes> output = contract.compute(m.input());
    if (output.isEmpty()) {
      return FrameResult.halt(HaltReason.PRECOMPILE_FAILURE);
    }
    return FrameResult.success(m.gas() - cost, output.get());
  }
}

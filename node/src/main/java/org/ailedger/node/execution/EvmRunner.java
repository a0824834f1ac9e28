package org.ailedger.node.execution;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.ailedger.evm.frame.MessageProcessor;
import org.ailedger.evm.precompile.PrecompiledContract;
import org.ailedger.evm.state.WorldState;
import org.ailedger.evm.tx.AccessListEntry;
import org.ailedger.evm.tx.EvmTransaction;
import org.ailedger.evm.tx.TransactionResult;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.state.Account;
import org.ailedger.node.state.ChangeSetWriter;
import org.ailedger.node.state.EvmStateReader;
import org.ailedger.node.state.MutableWorldState;
import org.ailedger.node.tx.Transaction;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Runs one transaction through the EVM on a block's state so far: an EVM world state over it, the
 * transaction, then the transaction's change set written back, so the next transaction of the block
 * reads what this one left.
 */
public final class EvmRunner {
  private final org.ailedger.evm.tx.TransactionProcessor processor;
  private final ForkSchedule forks;
  private final BlockHashes hashes;
  private final Predicate<Address> nativeContract;

  /**
   * @param precompiles the standard precompiles, built once per node (they load native code)
   * @param nativeContract the native contracts' addresses, whose accounts the EVM must not delete
   */
  public EvmRunner(
      Map<Integer, PrecompiledContract> precompiles,
      ForkSchedule forks,
      BlockHashes hashes,
      Predicate<Address> nativeContract) {
    this.processor =
        new org.ailedger.evm.tx.TransactionProcessor(new MessageProcessor(precompiles));
    this.forks = forks;
    this.hashes = hashes;
    this.nativeContract = nativeContract;
  }

  /** A chain without the EVM: creations and calls into code are refused. */
  public static EvmRunner disabled() {
    return new EvmRunner(Map.of(), ForkSchedule.NONE, BlockHashes.NONE, address -> false);
  }

  public ForkSchedule forks() {
    return forks;
  }

  /**
   * Whether a transaction to {@code to} is the EVM's: a creation, or a call to an account with
   * code.
   */
  public static boolean handles(MutableWorldState state, Optional<Address> to) {
    return to.isEmpty() || !state.account(to.get()).codeHash().equals(Account.EMPTY_CODE_HASH);
  }

  /** Executes {@code tx}; its writes reach {@code state} only if it was not rejected. */
  public TransactionResult run(MutableWorldState state, EvmTransaction tx, BlockContext block) {
    WorldState world = new WorldState(new EvmStateReader(state));
    TransactionResult result = processor.process(tx, context(block), world);
    if (result instanceof TransactionResult.Executed) {
      ChangeSetWriter.apply(world.changeSet(), state, nativeContract);
    }
    return result;
  }

  private org.ailedger.evm.frame.BlockContext context(BlockContext block) {
    return new org.ailedger.evm.frame.BlockContext(
        toEvm(block.coinbase()),
        block.number(),
        block.timestamp(),
        block.gasLimit(),
        block.baseFee(),
        // PREVRANDAO reads the header's mixHash, which QBFT fixes to one constant
        BlockHeader.QBFT_MIX_HASH,
        UInt256.valueOf(block.chainId()),
        0,
        hashes::hashOf);
  }

  /** The transaction as the EVM takes it, its sender already recovered. */
  public static EvmTransaction toEvm(Transaction tx, Address sender) {
    List<AccessListEntry> accessList =
        tx.accessList().stream()
            .map(e -> new AccessListEntry(toEvm(e.address()), e.storageKeys()))
            .toList();
    return new EvmTransaction(
        tx.type().rpcType(),
        toEvm(sender),
        tx.to().map(EvmRunner::toEvm),
        tx.nonce(),
        tx.gasLimit(),
        tx.value(),
        tx.data(),
        tx.maxFeePerGas(),
        tx.maxPriorityFeePerGas(),
        accessList,
        UInt256.ZERO,
        List.of());
  }

  static org.ailedger.evm.state.Address toEvm(Address address) {
    return new org.ailedger.evm.state.Address(address.bytes());
  }

  static Address toNode(org.ailedger.evm.state.Address address) {
    return new Address(address.bytes());
  }

  static List<org.ailedger.types.Log> toNode(List<org.ailedger.evm.state.Log> logs) {
    return logs.stream()
        .map(l -> new org.ailedger.types.Log(toNode(l.address()), l.topics(), l.data()))
        .toList();
  }
}

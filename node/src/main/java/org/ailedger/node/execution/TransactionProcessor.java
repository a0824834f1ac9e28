package org.ailedger.node.execution;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.ailedger.evm.tx.TransactionResult;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.state.Account;
import org.ailedger.node.state.MutableWorldState;
import org.ailedger.node.tx.RejectionReason;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionRejection;
import org.ailedger.node.tx.TransactionValidator;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.types.Address;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Applies one transaction to a world state: the state-dependent checks (allowlist, nonce, funds,
 * block gas), then one of three paths. A call to a native contract runs it in Java; a contract
 * creation or a call to an account with code runs on the EVM; anything else is a value transfer.
 */
public final class TransactionProcessor {
  private final NativeContracts contracts;
  private final NativeCallExecutor executor;
  private final AccountPermissions permissions;
  private final EvmRunner evm;

  /** A processor for a chain without the EVM. */
  public TransactionProcessor(
      NativeContracts contracts, NativeCallExecutor executor, AccountPermissions permissions) {
    this(contracts, executor, permissions, EvmRunner.disabled());
  }

  public TransactionProcessor(
      NativeContracts contracts,
      NativeCallExecutor executor,
      AccountPermissions permissions,
      EvmRunner evm) {
    this.contracts = contracts;
    this.executor = executor;
    this.permissions = permissions;
    this.evm = evm;
  }

  public TransactionOutcome process(
      MutableWorldState state,
      Transaction tx,
      Address sender,
      BlockContext block,
      long gasUsedSoFar) {
    Optional<TransactionRejection> rejection = check(state, tx, sender, block, gasUsedSoFar);
    if (rejection.isPresent()) {
      return new TransactionOutcome.Excluded(rejection.get());
    }
    boolean nativeCall = tx.to().isPresent() && contracts.isNative(tx.to().get());
    if (!nativeCall && EvmRunner.handles(state, tx.to())) {
      return processOnEvm(state, tx, sender, block, gasUsedSoFar);
    }
    UInt256 price = tx.effectiveGasPrice(block.baseFee());
    long intrinsic = TransactionValidator.intrinsicGas(tx);
    state.incrementNonce(sender);
    state.subtractBalance(sender, price.multiply(tx.gasLimit()));

    Address to = tx.to().orElseThrow();
    CallOutcome outcome;
    if (contracts.isNative(to)) {
      CallContext context =
          new CallContext(
              sender,
              tx.value(),
              block.number(),
              block.timestamp(),
              block.chainId(),
              tx.gasLimit() - intrinsic);
      outcome = executor.execute(to, context, tx.data(), state);
    } else {
      state.subtractBalance(sender, tx.value());
      state.addBalance(to, tx.value());
      outcome = new CallOutcome(true, Bytes.EMPTY, 0, List.of(), Optional.empty());
    }

    long gasUsed = intrinsic + outcome.gasUsed();
    state.addBalance(sender, price.multiply(tx.gasLimit() - gasUsed));
    state.addBalance(block.coinbase(), price.subtract(block.baseFee()).multiply(gasUsed));
    Optional<Bytes> revertData =
        outcome.success() || outcome.output().isEmpty()
            ? Optional.empty()
            : Optional.of(outcome.output());
    TransactionReceipt receipt =
        new TransactionReceipt(
            tx.type(),
            outcome.success(),
            gasUsedSoFar + gasUsed,
            LogsBloom.of(outcome.logs()),
            outcome.logs(),
            sender,
            revertData);
    return new TransactionOutcome.Included(receipt, gasUsed);
  }

  private TransactionOutcome processOnEvm(
      MutableWorldState state,
      Transaction tx,
      Address sender,
      BlockContext block,
      long gasUsedSoFar) {
    if (!evm.forks().cancunAt(block.timestamp())) {
      String what =
          tx.to().isEmpty() ? "contract creation" : "a call into the code at " + tx.to().get();
      return new TransactionOutcome.Excluded(
          new TransactionRejection(
              RejectionReason.EVM_NOT_ENABLED,
              what + " needs the EVM: " + evm.forks().notActiveReason(block.timestamp())));
    }
    return switch (evm.run(state, EvmRunner.toEvm(tx, sender), block)) {
      case TransactionResult.Rejected rejected ->
          new TransactionOutcome.Excluded(EvmRejections.of(rejected.reason()));
      case TransactionResult.Executed executed -> {
        List<Log> logs = EvmRunner.toNode(executed.logs());
        Optional<Bytes> revertData =
            executed.success() || executed.output().isEmpty()
                ? Optional.empty()
                : Optional.of(executed.output());
        TransactionReceipt receipt =
            new TransactionReceipt(
                tx.type(),
                executed.success(),
                gasUsedSoFar + executed.gasUsed(),
                LogsBloom.of(logs),
                logs,
                sender,
                revertData);
        yield new TransactionOutcome.Included(receipt, executed.gasUsed());
      }
    };
  }

  private Optional<TransactionRejection> check(
      MutableWorldState state,
      Transaction tx,
      Address sender,
      BlockContext block,
      long gasUsedSoFar) {
    if (!permissions.isAccountAllowed(state, sender)) {
      return reject(
          RejectionReason.SENDER_NOT_PERMITTED,
          "sender " + sender + " is not on the account allowlist");
    }
    if (tx.gasLimit() > block.gasLimit() - gasUsedSoFar) {
      return reject(
          RejectionReason.EXCEEDS_BLOCK_GAS_LIMIT,
          "gas limit " + tx.gasLimit() + " exceeds the gas left in block " + block.number());
    }
    if (tx.maxFeePerGas().compareTo(block.baseFee()) < 0) {
      return reject(
          RejectionReason.FEE_CAP_BELOW_BASE_FEE,
          "max fee per gas "
              + tx.maxFeePerGas().toBigInteger()
              + " is below the base fee "
              + block.baseFee().toBigInteger());
    }
    Account account = state.account(sender);
    if (tx.nonce() < account.nonce()) {
      return reject(
          RejectionReason.NONCE_TOO_LOW,
          "nonce too low: next nonce " + account.nonce() + ", tx nonce " + tx.nonce());
    }
    if (tx.nonce() > account.nonce()) {
      return reject(
          RejectionReason.NONCE_TOO_HIGH,
          "nonce too high: next nonce " + account.nonce() + ", tx nonce " + tx.nonce());
    }
    // in BigInteger: price × gas + value can exceed 2^256, where UInt256 would wrap
    BigInteger upfront =
        tx.effectiveGasPrice(block.baseFee())
            .toBigInteger()
            .multiply(BigInteger.valueOf(tx.gasLimit()))
            .add(tx.value().toBigInteger());
    if (account.balance().toBigInteger().compareTo(upfront) < 0) {
      return reject(
          RejectionReason.INSUFFICIENT_BALANCE,
          "insufficient funds: balance "
              + account.balance().toBigInteger()
              + ", needed "
              + upfront);
    }
    return Optional.empty();
  }

  private static Optional<TransactionRejection> reject(RejectionReason reason, String message) {
    return Optional.of(new TransactionRejection(reason, message));
  }
}

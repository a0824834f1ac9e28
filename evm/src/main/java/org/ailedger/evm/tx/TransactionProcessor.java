package org.ailedger.evm.tx;

import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.ailedger.evm.frame.BlobFee;
import org.ailedger.evm.frame.BlockContext;
import org.ailedger.evm.frame.ContractAddress;
import org.ailedger.evm.frame.ExecutionContext;
import org.ailedger.evm.frame.FrameResult;
import org.ailedger.evm.frame.Message;
import org.ailedger.evm.frame.MessageProcessor;
import org.ailedger.evm.frame.TxContext;
import org.ailedger.evm.hash.Keccak256;
import org.ailedger.evm.state.Address;
import org.ailedger.evm.state.WorldState;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Applies one transaction to a {@link WorldState} by Cancun's rules: validity checks (a rejected
 * transaction changes nothing), gas purchase, warm sets, the call or creation, the refund (capped
 * at a fifth, EIP-3529), the priority fee to the coinbase, and the end-of-transaction clean-up.
 *
 * <p>Frames nest by recursion, so each transaction runs on its own thread with a stack deep enough
 * for 1024 nested calls; the caller's thread waits for it.
 */
public final class TransactionProcessor {
  static final int MAX_INIT_CODE_SIZE = 49_152;

  /** Far more than 1024 nested frames need, reserved (not committed) per transaction thread. */
  private static final long STACK_BYTES = 256L << 20;

  private final MessageProcessor processor;

  public TransactionProcessor(MessageProcessor processor) {
    this.processor = processor;
  }

  public TransactionResult process(EvmTransaction tx, BlockContext block, WorldState state) {
    Optional<InvalidReason> invalid = validate(tx, block, state);
    if (invalid.isPresent()) {
      return new TransactionResult.Rejected(invalid.get());
    }
    AtomicReference<TransactionResult> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.set(execute(tx, block, state));
              } catch (RuntimeException | Error e) {
                failure.set(e);
              }
            },
            "evm-transaction",
            STACK_BYTES);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while executing a transaction", e);
    }
    // the state reader's own exceptions (storage failures) reach the caller unchanged
    switch (failure.get()) {
      case null -> {}
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      default -> throw new IllegalStateException("transaction execution failed", failure.get());
    }
    return result.get();
  }

  private Optional<InvalidReason> validate(
      EvmTransaction tx, BlockContext block, WorldState state) {
    if (tx.nonce() == -1L) {
      return Optional.of(InvalidReason.NONCE_IS_MAX);
    }
    if (Long.compareUnsigned(tx.gasLimit(), block.gasLimit()) > 0) {
      return Optional.of(InvalidReason.GAS_ALLOWANCE_EXCEEDED);
    }
    if (tx.isCreation() && tx.data().size() > MAX_INIT_CODE_SIZE) {
      return Optional.of(InvalidReason.INITCODE_SIZE_EXCEEDED);
    }
    if (IntrinsicGas.of(tx) > tx.gasLimit()) {
      return Optional.of(InvalidReason.INTRINSIC_GAS_TOO_LOW);
    }
    if (tx.maxFeePerGas().compareTo(block.baseFee()) < 0) {
      return Optional.of(InvalidReason.INSUFFICIENT_MAX_FEE_PER_GAS);
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      return Optional.of(InvalidReason.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS);
    }
    if (tx.type() == 3) {
      Optional<InvalidReason> blob = validateBlobs(tx, block);
      if (blob.isPresent()) {
        return blob;
      }
    }
    if (state.nonce(tx.sender()) != tx.nonce()) {
      return Optional.of(InvalidReason.NONCE_MISMATCH);
    }
    if (!state.codeHash(tx.sender()).equals(Keccak256.EMPTY)) {
      return Optional.of(InvalidReason.SENDER_NOT_EOA);
    }
    BigInteger maxCost =
        BigInteger.valueOf(tx.gasLimit())
            .multiply(tx.maxFeePerGas().toUnsignedBigInteger())
            .add(tx.value().toUnsignedBigInteger())
            .add(
                BigInteger.valueOf(blobGas(tx))
                    .multiply(tx.maxFeePerBlobGas().toUnsignedBigInteger()));
    if (state.balance(tx.sender()).toUnsignedBigInteger().compareTo(maxCost) < 0) {
      return Optional.of(InvalidReason.INSUFFICIENT_ACCOUNT_FUNDS);
    }
    return Optional.empty();
  }

  private static Optional<InvalidReason> validateBlobs(EvmTransaction tx, BlockContext block) {
    if (tx.isCreation()) {
      return Optional.of(InvalidReason.BLOB_TX_CONTRACT_CREATION);
    }
    if (tx.blobHashes().isEmpty()) {
      return Optional.of(InvalidReason.BLOB_TX_ZERO_BLOBS);
    }
    if (tx.blobHashes().size() > BlobFee.MAX_BLOBS_PER_BLOCK) {
      return Optional.of(InvalidReason.BLOB_TX_BLOB_COUNT_EXCEEDED);
    }
    for (Bytes32 hash : tx.blobHashes()) {
      if (hash.get(0) != 0x01) {
        return Optional.of(InvalidReason.BLOB_TX_INVALID_VERSIONED_HASH);
      }
    }
    if (tx.maxFeePerBlobGas().compareTo(block.blobBaseFee()) < 0) {
      return Optional.of(InvalidReason.INSUFFICIENT_MAX_FEE_PER_BLOB_GAS);
    }
    return Optional.empty();
  }

  private static long blobGas(EvmTransaction tx) {
    return BlobFee.GAS_PER_BLOB * tx.blobHashes().size();
  }

  private TransactionResult execute(EvmTransaction tx, BlockContext block, WorldState state) {
    UInt256 baseFee = block.baseFee();
    UInt256 priorityCap = tx.maxFeePerGas().subtract(baseFee);
    UInt256 priorityFee =
        tx.maxPriorityFeePerGas().compareTo(priorityCap) < 0
            ? tx.maxPriorityFeePerGas()
            : priorityCap;
    UInt256 gasPrice = baseFee.add(priorityFee);
    Address sender = tx.sender();

    state.subtractBalance(
        sender,
        gasPrice
            .multiply(UInt256.valueOf(tx.gasLimit()))
            .add(block.blobBaseFee().multiply(UInt256.valueOf(blobGas(tx)))));
    state.setNonce(sender, tx.nonce() + 1);

    var substate = state.substate();
    substate.warm(sender);
    substate.warm(block.coinbase());
    processor.precompileAddresses().forEach(substate::warm);
    for (AccessListEntry entry : tx.accessList()) {
      substate.warm(entry.address());
      for (Bytes32 key : entry.storageKeys()) {
        substate.warm(entry.address(), UInt256.fromBytes(key));
      }
    }

    ExecutionContext ctx =
        new ExecutionContext(state, block, new TxContext(sender, gasPrice, tx.blobHashes()));
    long gas = tx.gasLimit() - IntrinsicGas.of(tx);
    FrameResult frame;
    if (tx.isCreation()) {
      Address address = ContractAddress.ofCreate(sender, tx.nonce());
      Message message =
          new Message(
              sender,
              address,
              address,
              tx.value(),
              org.apache.tuweni.bytes.Bytes.EMPTY,
              gas,
              0,
              false);
      frame = processor.create(message, tx.data(), ctx);
    } else {
      Address to = tx.to().orElseThrow();
      substate.warm(to);
      frame =
          processor.call(
              new Message(sender, to, to, tx.value(), tx.data(), gas, 0, false), true, ctx);
    }

    long gasUsed = tx.gasLimit() - frame.gasLeft();
    long refund = Math.min(Math.max(substate.refund(), 0), gasUsed / 5);
    gasUsed -= refund;
    state.addBalance(sender, gasPrice.multiply(UInt256.valueOf(tx.gasLimit() - gasUsed)));
    state.addBalance(block.coinbase(), priorityFee.multiply(UInt256.valueOf(gasUsed)));
    var logs = frame.success() ? substate.logs() : java.util.List.<org.ailedger.evm.state.Log>of();
    state.endTransaction();
    return new TransactionResult.Executed(
        frame.success(), gasUsed, frame.output(), logs, frame.createdAddress(), frame.halt());
  }
}

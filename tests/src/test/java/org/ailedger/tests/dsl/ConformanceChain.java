package org.ailedger.tests.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.indexer.event.NativeContract;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * A devnet chain holding one of every kind of thing a JSON-RPC answer can describe, built through
 * spec-legal requests only: a legacy transfer, an EIP-2930 call with an access list, an EIP-1559
 * transfer, a native-contract call that logs a token Transfer, a reverted call, a transaction kept
 * in the pool by a nonce gap, a signed transaction not yet sent, and filters installed before all
 * of it. Fields are the hashes, ids and raw hex a test's requests need.
 */
public record ConformanceChain(
    String legacy,
    String accessList,
    String dynamicFee,
    String tokenTransfer,
    String reverted,
    String pending,
    String unsent,
    String tokenBlockHash,
    String tokenBlockNumber,
    String logFilter,
    String blockFilter,
    String filterToUninstall) {
  public static final String TOKEN = NativeContract.CONTRIBUTION_TOKEN.address().hex();
  private static final long TRANSFER_GAS = 21_000;
  private static final long NATIVE_CALL_GAS = 1_000_000;
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);

  /** Builds the chain on the node behind {@code rpc}, checking every request against the spec. */
  public static ConformanceChain build(JsonRpc rpc, ExecutionApis spec) {
    Builder b = new Builder(rpc, spec);
    String logFilter =
        b.call("eth_newFilter", Map.of("fromBlock", "earliest", "address", TOKEN)).textValue();
    String blockFilter = b.call("eth_newBlockFilter").textValue();
    String filterToUninstall = b.call("eth_newBlockFilter").textValue();

    String legacy =
        b.send(
            SignedTransactions.legacy(
                Devnet.account(6),
                Devnet.CHAIN_ID,
                b.nonce(6),
                TRANSFER_GAS,
                address(8),
                BigInteger.ZERO,
                "0x"));
    String accessList =
        b.send(
            SignedTransactions.eip2930(
                Devnet.account(7),
                Devnet.CHAIN_ID,
                b.nonce(7),
                NATIVE_CALL_GAS,
                TOKEN,
                List.of("0x" + "00".repeat(32)),
                balanceOf(address(7))));
    String dynamicFee = b.send(b.transfer(8, address(9), "0x", TRANSFER_GAS, 0));
    String tokenTransfer =
        b.send(b.transfer(0, TOKEN, transferData(BigInteger.ONE), NATIVE_CALL_GAS, 0));
    // far more than anyone holds, so the token contract reverts with a reason
    String reverted =
        b.send(b.transfer(5, TOKEN, transferData(BigInteger.TWO.pow(200)), NATIVE_CALL_GAS, 0));
    // a nonce gap keeps this one in the pool for as long as the test runs
    String pending = b.send(b.transfer(9, address(8), "0x", TRANSFER_GAS, 5));
    String unsent = b.transfer(4, address(8), "0x", TRANSFER_GAS, 0);

    for (String hash : List.of(legacy, accessList, dynamicFee, tokenTransfer)) {
      if (!b.awaitReceipt(hash).get("status").textValue().equals("0x1")) {
        throw new AssertionError("transaction " + hash + " failed while building the chain");
      }
    }
    if (!b.awaitReceipt(reverted).get("status").textValue().equals("0x0")) {
      throw new AssertionError("the over-large token transfer " + reverted + " did not revert");
    }
    JsonNode tokenReceipt = b.awaitReceipt(tokenTransfer);
    if (tokenReceipt.get("logs").size() != 1) {
      throw new AssertionError("the token transfer logged no Transfer: " + tokenReceipt);
    }
    return new ConformanceChain(
        legacy,
        accessList,
        dynamicFee,
        tokenTransfer,
        reverted,
        pending,
        unsent,
        tokenReceipt.get("blockHash").textValue(),
        tokenReceipt.get("blockNumber").textValue(),
        logFilter,
        blockFilter,
        filterToUninstall);
  }

  public static String address(int account) {
    return Devnet.account(account).getAddress();
  }

  /** Calldata of the token's {@code transfer(account 6, amount)}. */
  public static String transferData(BigInteger amount) {
    return FunctionEncoder.encode(
        new Function("transfer", List.of(new Address(address(6)), new Uint256(amount)), List.of()));
  }

  /** Calldata of the token's {@code balanceOf(account)}. */
  public static String balanceOf(String account) {
    return FunctionEncoder.encode(
        new Function("balanceOf", List.of(new Address(account)), List.of()));
  }

  private record Builder(JsonRpc rpc, ExecutionApis spec) {
    JsonNode call(String method, Object... params) {
      spec.assertLegalRequest(method, params);
      return rpc.result(method, params);
    }

    String send(String raw) {
      return call("eth_sendRawTransaction", raw).textValue();
    }

    long nonce(int account) {
      return JsonRpc.quantity(call("eth_getTransactionCount", address(account), "pending"))
          .longValueExact();
    }

    /** An EIP-1559 transaction from dev account {@code from}, {@code gap} nonces ahead. */
    String transfer(int from, String to, String data, long gas, long gap) {
      return SignedTransactions.eip1559(
          Devnet.account(from), Devnet.CHAIN_ID, nonce(from) + gap, gas, to, BigInteger.ZERO, data);
    }

    JsonNode awaitReceipt(String hash) {
      return Await.until(
          "the receipt of " + hash,
          RECEIPT_TIMEOUT,
          () -> {
            JsonNode receipt = rpc.result("eth_getTransactionReceipt", hash);
            return receipt.isNull() ? Optional.empty() : Optional.of(receipt);
          });
    }
  }
}

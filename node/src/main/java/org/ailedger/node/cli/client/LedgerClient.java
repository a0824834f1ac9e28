package org.ailedger.node.cli.client;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.types.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The CLI's connection to a node: a JSON-RPC client like any outside tool, plus the signer of
 * one account. Every transaction is estimated first, so a call that would revert is reported
 * with its reason before anything is sent.
 */
public final class LedgerClient implements AutoCloseable {
  /** Generous for a 1 s block period, bounded so a stalled node does not hang the terminal. */
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);
  private static final long POLL_MILLIS = 250;

  private final Web3j web3j;
  private final long chainId;
  private final Optional<KeyPair> key;
  private final TransactionManager readOnly;

  private LedgerClient(Web3j web3j, long chainId, Optional<KeyPair> key) {
    this.web3j = web3j;
    this.chainId = chainId;
    this.key = key;
    this.readOnly = new org.web3j.tx.ReadonlyTransactionManager(web3j,
        key.map(k -> k.address().toHexString()).orElse(Address.ZERO.toHexString()));
  }

  /**
   * Connects and reads the chain id.
   *
   * @throws ClientException if the node does not answer, or a public devnet key is used on a
   *     chain other than the devnet
   */
  public static LedgerClient connect(String rpcUrl, Optional<KeyPair> key) {
    Web3j web3j = Web3j.build(new HttpService(rpcUrl));
    long chainId;
    try {
      chainId = check(web3j.ethChainId().send(), "eth_chainId").getChainId().longValueExact();
    } catch (IOException e) {
      web3j.shutdown();
      throw new ClientException("cannot reach the node at " + rpcUrl + ": " + e.getMessage());
    }
    if (key.isPresent() && chainId != DevAccounts.DEVNET_CHAIN_ID && DevAccounts.isWellKnown(key.get())) {
      web3j.shutdown();
      throw new ClientException("refusing to sign with a public devnet key on chain id " + chainId);
    }
    return new LedgerClient(web3j, chainId, key);
  }

  public Web3j web3j() {
    return web3j;
  }

  public long chainId() {
    return chainId;
  }

  /** For views through generated bindings; no key needed. */
  public TransactionManager reader() {
    return readOnly;
  }

  public Address sender() {
    return signer().address();
  }

  /**
   * Sends {@code data} to {@code to} as an EIP-1559 transaction with zero fees and waits for
   * its receipt.
   *
   * @throws ClientException with the revert reason if the call would fail or failed
   */
  public TransactionReceipt send(Address to, String data) {
    KeyPair signer = signer();
    try {
      EthEstimateGas estimate = web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(
              signer.address().toHexString(), null, null, null, to.toHexString(), data))
          .send();
      if (estimate.hasError()) {
        throw new ClientException(estimate.getError().getMessage());
      }
      // a margin over the estimate: state may change between estimate and inclusion
      BigInteger gasLimit = estimate.getAmountUsed().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4));
      RawTransactionManager manager = new RawTransactionManager(web3j,
          Credentials.create(signer.privateKey().bytes().toHexString()), chainId);
      EthSendTransaction sent = manager.sendEIP1559Transaction(chainId, BigInteger.ZERO, BigInteger.ZERO,
          gasLimit, to.toHexString(), data, BigInteger.ZERO);
      if (sent.hasError()) {
        throw new ClientException(sent.getError().getMessage());
      }
      TransactionReceipt receipt = new PollingTransactionReceiptProcessor(web3j, POLL_MILLIS,
          (int) (RECEIPT_TIMEOUT.toMillis() / POLL_MILLIS)).waitForTransactionReceipt(sent.getTransactionHash());
      if (!receipt.isStatusOK()) {
        throw new ClientException("transaction " + receipt.getTransactionHash() + " reverted"
            + Optional.ofNullable(receipt.getRevertReason()).map(r -> ": " + RevertReasons.decode(r)).orElse(""));
      }
      return receipt;
    } catch (IOException e) {
      throw new ClientException("the node did not answer: " + e.getMessage());
    } catch (TransactionException e) {
      throw new ClientException(e.getMessage());
    }
  }

  private KeyPair signer() {
    return key.orElseThrow(() -> new ClientException("this command sends a transaction: give --key or --key-file"));
  }

  private static <T extends Response<?>> T check(T response, String method) {
    if (response.hasError()) {
      throw new ClientException(method + " failed: " + response.getError().getMessage());
    }
    return response;
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}

package org.ailedger.cli.client;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.ailedger.chaincode.bindings.ContributionToken;
import org.ailedger.chaincode.bindings.DataProvenance;
import org.ailedger.chaincode.bindings.ModelRegistry;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The CLI's connection to a node: a JSON-RPC client like any outside tool, plus the signer of one
 * account. Every transaction is estimated first, so a call that would revert is reported with its
 * reason before anything is sent; views report a revert with its reason too.
 */
public final class LedgerClient implements AutoCloseable {
  /** Generous for a 1 s block period, bounded so a stalled node does not hang the terminal. */
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(60);

  private static final long POLL_MILLIS = 250;

  private final Web3j web3j;
  private final long chainId;
  private final Optional<KeyPair> key;
  private final ReadonlyTransactionManager reader;
  private final ContractGasProvider noGas = new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);

  private LedgerClient(Web3j web3j, long chainId, Optional<KeyPair> key) {
    this.web3j = web3j;
    this.chainId = chainId;
    this.key = key;
    this.reader =
        new ReasonReportingReader(
            web3j, key.map(k -> k.address().toHexString()).orElse(Address.ZERO.toHexString()));
  }

  /**
   * Connects and reads the chain id.
   *
   * @throws ClientException if the node does not answer, or a public devnet key is used on a chain
   *     other than the devnet
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
    LedgerClient client = new LedgerClient(web3j, chainId, key);
    try {
      key.ifPresent(client::requireUsable);
    } catch (ClientException e) {
      web3j.shutdown();
      throw e;
    }
    return client;
  }

  public Web3j web3j() {
    return web3j;
  }

  public long chainId() {
    return chainId;
  }

  /** The account that signs this client's transactions, if a key was given. */
  public Optional<Address> account() {
    return key.map(KeyPair::address);
  }

  /** The signing account. @throws ClientException if no key was given */
  public Address sender() {
    return signer().address();
  }

  /**
   * Refuses a key derived from the public devnet mnemonic on any other chain: anyone can sign with
   * those keys, so they must never hold anything of value.
   */
  public void requireUsable(KeyPair candidate) {
    requireUsable(candidate, chainId);
  }

  /** {@link #requireUsable(KeyPair)} for signing offline, for the chain with {@code chainId}. */
  public static void requireUsable(KeyPair candidate, long chainId) {
    if (chainId != DevAccounts.DEVNET_CHAIN_ID && DevAccounts.isWellKnown(candidate)) {
      throw new ClientException("refusing to sign with a public devnet key on chain id " + chainId);
    }
  }

  /**
   * For views through generated bindings; no key needed, and a revert comes back with its reason.
   */
  public TransactionManager reader() {
    return reader;
  }

  /** ModelRegistry for views; writes go through {@link #send}. */
  public ModelRegistry models() {
    return ModelRegistry.load(NativeAddresses.MODEL_REGISTRY.toHexString(), web3j, reader, noGas);
  }

  /** DataProvenance for views; writes go through {@link #send}. */
  public DataProvenance provenance() {
    return DataProvenance.load(NativeAddresses.DATA_PROVENANCE.toHexString(), web3j, reader, noGas);
  }

  /** ContributionToken for views; writes go through {@link #send}. */
  public ContributionToken token() {
    return ContributionToken.load(
        NativeAddresses.CONTRIBUTION_TOKEN.toHexString(), web3j, reader, noGas);
  }

  /**
   * Runs a view of a binding at the latest block.
   *
   * @throws ClientException with the contract's reason if the view reverts
   */
  public <T> T view(RemoteFunctionCall<T> call) {
    try {
      return call.send();
    } catch (ClientException e) {
      throw e;
    } catch (IOException e) {
      throw new ClientException("the node did not answer: " + e.getMessage());
    } catch (Exception e) {
      throw new ClientException("the node's answer could not be read: " + e.getMessage());
    }
  }

  /** The number of the latest block. */
  public long head() {
    try {
      return check(web3j.ethBlockNumber().send(), "eth_blockNumber")
          .getBlockNumber()
          .longValueExact();
    } catch (IOException e) {
      throw new ClientException("the node did not answer: " + e.getMessage());
    }
  }

  /**
   * Sends {@code data} to {@code to} as an EIP-1559 transaction with zero fees and waits for its
   * receipt.
   *
   * @throws ClientException with the revert reason if the call would fail or failed
   */
  public TransactionReceipt send(Address to, String data) {
    KeyPair signer = signer();
    try {
      EthEstimateGas estimate =
          web3j
              .ethEstimateGas(
                  Transaction.createFunctionCallTransaction(
                      signer.address().toHexString(), null, null, null, to.toHexString(), data))
              .send();
      if (estimate.hasError()) {
        throw new ClientException(RevertReasons.of(estimate.getError()));
      }
      // a margin over the estimate: state may change between estimate and inclusion
      BigInteger gasLimit =
          estimate.getAmountUsed().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4));
      RawTransactionManager manager =
          new RawTransactionManager(
              web3j, Credentials.create(signer.privateKey().bytes().toHexString()), chainId);
      EthSendTransaction sent =
          manager.sendEIP1559Transaction(
              chainId,
              BigInteger.ZERO,
              BigInteger.ZERO,
              gasLimit,
              to.toHexString(),
              data,
              BigInteger.ZERO);
      if (sent.hasError()) {
        throw new ClientException(sent.getError().getMessage());
      }
      TransactionReceipt receipt =
          new PollingTransactionReceiptProcessor(
                  web3j, POLL_MILLIS, (int) (RECEIPT_TIMEOUT.toMillis() / POLL_MILLIS))
              .waitForTransactionReceipt(sent.getTransactionHash());
      if (!receipt.isStatusOK()) {
        throw new ClientException(
            "transaction "
                + receipt.getTransactionHash()
                + " reverted"
                + Optional.ofNullable(receipt.getRevertReason())
                    .map(r -> ": " + RevertReasons.decode(r))
                    .orElse(""));
      }
      return receipt;
    } catch (IOException e) {
      throw new ClientException("the node did not answer: " + e.getMessage());
    } catch (TransactionException e) {
      throw new ClientException(e.getMessage());
    }
  }

  private KeyPair signer() {
    return key.orElseThrow(
        () -> new ClientException("this command sends a transaction: give --key or --key-file"));
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

  /**
   * Reads through eth_call and answers a revert with the contract's reason, not web3j's wrapper.
   */
  private static final class ReasonReportingReader extends ReadonlyTransactionManager {
    private final Web3j web3j;
    private final String from;

    ReasonReportingReader(Web3j web3j, String from) {
      super(web3j, from);
      this.web3j = web3j;
      this.from = from;
    }

    @Override
    public String sendCall(String to, String data, DefaultBlockParameter block) throws IOException {
      EthCall call =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(from, to, data),
                  block == null ? DefaultBlockParameterName.LATEST : block)
              .send();
      if (call.hasError()) {
        throw new ClientException(RevertReasons.of(call.getError()));
      }
      return call.getValue();
    }
  }
}

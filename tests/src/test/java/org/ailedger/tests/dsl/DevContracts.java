package org.ailedger.tests.dsl;

import java.math.BigInteger;
import org.ailedger.chaincode.bindings.ContributionToken;
import org.ailedger.chaincode.bindings.DataProvenance;
import org.ailedger.chaincode.bindings.ModelRegistry;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.ailedger.indexer.event.NativeContract;
import org.web3j.protocol.Web3j;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The native contracts through web3j's generated bindings, as a Java client of the devnet calls
 * them: each call is signed by the devnet account it is asked for (at zero gas price) and waits for
 * its receipt, polling every 100 ms.
 *
 * @param receiptPolls how many times a call polls for its receipt before giving up
 */
public record DevContracts(Web3j web3j, int receiptPolls) {
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(5_000_000);
  private static final long POLL_MILLIS = 100;

  public ModelRegistry registry(int account) {
    return ModelRegistry.load(
        NativeContract.MODEL_REGISTRY.address().hex(), web3j, sender(account), gas());
  }

  public DataProvenance provenance(int account) {
    return DataProvenance.load(
        NativeContract.DATA_PROVENANCE.address().hex(), web3j, sender(account), gas());
  }

  public ContributionToken token(int account) {
    return ContributionToken.load(
        NativeContract.CONTRIBUTION_TOKEN.address().hex(), web3j, sender(account), gas());
  }

  public QuadraticGovernor governor(int account) {
    return QuadraticGovernor.load(
        NativeContract.QUADRATIC_GOVERNOR.address().hex(), web3j, sender(account), gas());
  }

  private RawTransactionManager sender(int account) {
    return new RawTransactionManager(
        web3j,
        Devnet.account(account),
        Devnet.CHAIN_ID,
        new PollingTransactionReceiptProcessor(web3j, POLL_MILLIS, receiptPolls));
  }

  private static StaticGasProvider gas() {
    return new StaticGasProvider(BigInteger.ZERO, GAS_LIMIT);
  }
}

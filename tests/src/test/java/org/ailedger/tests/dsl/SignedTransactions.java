package org.ailedger.tests.dsl;

import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Signed transactions built and signed by web3j, as a client application produces them. Fees are
 * zero: the devnet charges no gas price.
 */
public final class SignedTransactions {
  private SignedTransactions() {}

  /** An EIP-1559 (type 2) transaction with zero fees, as 0x-prefixed hex of its envelope. */
  public static String eip1559(
      Credentials from,
      long chainId,
      long nonce,
      long gasLimit,
      String to,
      BigInteger value,
      String data) {
    RawTransaction tx =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.valueOf(nonce),
            BigInteger.valueOf(gasLimit),
            to,
            value,
            data,
            BigInteger.ZERO,
            BigInteger.ZERO);
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, from));
  }

  /** An EIP-155 legacy transaction with zero gas price, as 0x-prefixed hex. */
  public static String legacy(
      Credentials from,
      long chainId,
      long nonce,
      long gasLimit,
      String to,
      BigInteger value,
      String data) {
    RawTransaction tx =
        RawTransaction.createTransaction(
            BigInteger.valueOf(nonce),
            BigInteger.ZERO,
            BigInteger.valueOf(gasLimit),
            to,
            value,
            data);
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, from));
  }

  /**
   * An EIP-2930 (type 1) transaction with zero gas price and an access list naming {@code to} and
   * {@code storageKeys}, as 0x-prefixed hex of its envelope.
   */
  public static String eip2930(
      Credentials from,
      long chainId,
      long nonce,
      long gasLimit,
      String to,
      List<String> storageKeys,
      String data) {
    RawTransaction tx =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.valueOf(nonce),
            BigInteger.ZERO,
            BigInteger.valueOf(gasLimit),
            to,
            BigInteger.ZERO,
            data,
            List.of(new AccessListObject(to, storageKeys)));
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, from));
  }
}

package org.ailedger.node.txpool;

/**
 * Bounds and rules of the transaction pool.
 *
 * @param maxPooledTransactions transactions the pool holds at most
 * @param maxPerSender transactions one sender may have pooled at most
 * @param maxNonceGap how far a pooled nonce may be ahead of the sender's account nonce; a
 *     transaction with {@code nonce - accountNonce > maxNonceGap} is refused as NONCE_TOO_HIGH
 * @param priceBumpPercent how much both fee fields of a replacement must exceed the pooled
 *     transaction's, in percent
 */
public record TxPoolConfig(
    int maxPooledTransactions, int maxPerSender, long maxNonceGap, int priceBumpPercent) {
  public static final int DEFAULT_MAX_POOLED_TRANSACTIONS = 8192;
  public static final int DEFAULT_MAX_PER_SENDER = 256;
  public static final long DEFAULT_MAX_NONCE_GAP = 256;
  public static final int DEFAULT_PRICE_BUMP_PERCENT = 10;

  public static final TxPoolConfig DEFAULT =
      new TxPoolConfig(
          DEFAULT_MAX_POOLED_TRANSACTIONS,
          DEFAULT_MAX_PER_SENDER,
          DEFAULT_MAX_NONCE_GAP,
          DEFAULT_PRICE_BUMP_PERCENT);

  public TxPoolConfig {
    if (maxPooledTransactions < 1) {
      throw new IllegalArgumentException("the pool must hold at least one transaction");
    }
    if (maxPerSender < 1 || maxPerSender > maxPooledTransactions) {
      throw new IllegalArgumentException(
          "max per sender must be between 1 and the pool size, got " + maxPerSender);
    }
    if (maxNonceGap < 0) {
      throw new IllegalArgumentException("max nonce gap must not be negative: " + maxNonceGap);
    }
    if (priceBumpPercent < 0) {
      throw new IllegalArgumentException("price bump must not be negative: " + priceBumpPercent);
    }
  }
}

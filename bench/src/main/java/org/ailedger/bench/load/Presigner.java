package org.ailedger.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1s;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.UnsignedTransaction;
import org.apache.tuweni.units.bigints.UInt256;

/** Signs every sender's sequence up front, senders in parallel. */
public final class Presigner {
  private final long chainId;
  private final UInt256 maxFeePerGas;
  private final Calls calls;
  private final TransactionSigner signer = new TransactionSigner(Secp256k1s.best());

  /**
   * @param maxFeePerGas fee cap of every transaction; the tip is zero, which a free-gas network
   *     accepts and a priced one includes as long as the cap covers the base fee
   */
  public Presigner(long chainId, UInt256 maxFeePerGas, Calls calls) {
    this.chainId = chainId;
    this.maxFeePerGas = maxFeePerGas;
    this.calls = calls;
  }

  /** Load sender {@code i} is dev account {@code NAMED_ACCOUNTS + i}. */
  public static KeyPair senderKey(int sender) {
    return DevAccounts.account(DevAccounts.NAMED_ACCOUNTS + sender);
  }

  /**
   * @param keys the senders' keys, index = sender
   * @param startNonces each sender's next nonce
   * @param perSender transactions to sign for each sender
   */
  public List<SignedSequence> sign(List<KeyPair> keys, List<Long> startNonces, int perSender) {
    if (keys.size() != startNonces.size()) {
      throw new IllegalArgumentException("every sender needs its start nonce");
    }
    return IntStream.range(0, keys.size())
        .parallel()
        .mapToObj(i -> sequence(i, keys, startNonces.get(i), perSender))
        .toList();
  }

  private SignedSequence sequence(int sender, List<KeyPair> keys, long startNonce, int count) {
    KeyPair key = keys.get(sender);
    List<String> raw = new ArrayList<>(count);
    List<String> hashes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      UnsignedTransaction unsigned =
          UnsignedTransaction.eip1559(
              startNonce + i,
              UInt256.ZERO,
              maxFeePerGas,
              calls.gasLimit(),
              calls.to(sender, i),
              UInt256.ZERO,
              calls.data(sender, i),
              List.of());
      Transaction tx = signer.sign(unsigned, chainId, key);
      raw.add(tx.encoded().toHexString());
      hashes.add(tx.hash().toHexString());
    }
    return new SignedSequence(sender, key.address(), startNonce, raw, hashes);
  }
}

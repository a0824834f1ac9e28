package org.ailedger.node.tx;

import java.math.BigInteger;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.PrivateKey;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Signs transactions for a chain: EIP-155 for legacy, EIP-2718 payloads for typed ones. */
public final class TransactionSigner {
  /**
   * Largest chain id a legacy transaction can carry: its {@code v = chainId·2 + 36} must stay
   * within the 64 bits the decoder accepts, so chainId ≤ (2^64 - 37) / 2 = 2^63 - 19.
   */
  public static final long MAX_LEGACY_CHAIN_ID = Long.MAX_VALUE - 18;

  private static final Signature PLACEHOLDER = new Signature(BigInteger.ZERO, BigInteger.ZERO, 0);

  private final Secp256k1 secp256k1;

  public TransactionSigner(Secp256k1 secp256k1) {
    if (secp256k1 == null) {
      throw new IllegalArgumentException("a secp256k1 implementation is required");
    }
    this.secp256k1 = secp256k1;
  }

  public Transaction sign(UnsignedTransaction unsigned, long chainId, KeyPair keys) {
    return sign(unsigned, chainId, keys.privateKey());
  }

  public Transaction sign(UnsignedTransaction unsigned, long chainId, PrivateKey key) {
    if (unsigned.type() == TransactionType.LEGACY && chainId > MAX_LEGACY_CHAIN_ID) {
      throw new IllegalArgumentException(
          "chain id " + chainId + " is too large for a legacy transaction");
    }
    // The signing payload never includes the signature, so a placeholder stands in for it.
    Bytes32 hash = signingHash(unsigned.withSignature(chainId, PLACEHOLDER));
    Bytes rsv = secp256k1.sign(hash, key);
    Signature signature =
        new Signature(
            rsv.slice(0, 32).toUnsignedBigInteger(),
            rsv.slice(32, 32).toUnsignedBigInteger(),
            rsv.get(64));
    return unsigned.withSignature(chainId, signature);
  }

  /** keccak256 of {@link TransactionEncoder#signingPayload}: what the sender's key signs. */
  public static Bytes32 signingHash(Transaction tx) {
    return Keccak.hash(TransactionEncoder.signingPayload(tx));
  }
}

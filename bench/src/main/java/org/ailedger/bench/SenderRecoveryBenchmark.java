package org.ailedger.bench;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.NativeSecp256k1;
import org.ailedger.node.crypto.PrivateKey;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.tx.RecoveryResult;
import org.ailedger.node.tx.SenderRecovery;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sender recoveries per second and thread, by secp256k1 implementation, over pre-signed EIP-1559
 * transactions from many senders. Each recovery includes the signing-hash computation, as in the
 * pool. Run with {@code --enable-native-access=ALL-UNNAMED} so the native library may load.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SenderRecoveryBenchmark {
  private static final int TRANSACTIONS = 1024;
  private static final long CHAIN_ID = 1337;

  @Param({"native", "bouncycastle"})
  public String implementation;

  private SenderRecovery recovery;
  private Transaction[] transactions;
  private int next;

  @Setup(Level.Trial)
  public void signTransactions() {
    Secp256k1 secp256k1 =
        switch (implementation) {
          case "native" -> NativeSecp256k1.load();
          case "bouncycastle" -> new BouncyCastleSecp256k1();
          default -> throw new IllegalArgumentException("unknown implementation " + implementation);
        };
    recovery = new SenderRecovery(secp256k1);
    TransactionSigner signer = new TransactionSigner(secp256k1);
    transactions = new Transaction[TRANSACTIONS];
    for (int i = 0; i < TRANSACTIONS; i++) {
      KeyPair sender = KeyPair.of(PrivateKey.of(BigInteger.valueOf(1_000_003L * (i + 1))));
      UnsignedTransaction unsigned =
          UnsignedTransaction.eip1559(
              i,
              UInt256.ZERO,
              UInt256.ZERO,
              100_000,
              Address.of(0x1001),
              UInt256.ZERO,
              Bytes.ofUnsignedInt(i),
              List.of());
      transactions[i] = signer.sign(unsigned, CHAIN_ID, sender);
      if (!(recovery.recover(transactions[i]) instanceof RecoveryResult.Recovered recovered)
          || !recovered.sender().equals(sender.address())) {
        throw new IllegalStateException("transaction " + i + " does not recover its sender");
      }
    }
  }

  @Benchmark
  public RecoveryResult recoverSender() {
    Transaction tx = transactions[next];
    next = (next + 1) % TRANSACTIONS;
    return recovery.recover(tx);
  }
}

package org.ailedger.node.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.PrivateKey;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class StatelessChecksTest {
  private final BouncyCastleSecp256k1 real = new BouncyCastleSecp256k1();
  private final AtomicInteger recoveries = new AtomicInteger();

  /** The real curve, counting how often a sender is recovered. */
  private final Secp256k1 counting =
      new Secp256k1() {
        @Override
        public String name() {
          return "counting";
        }

        @Override
        public Optional<Bytes> recoverPublicKey(
            Bytes32 messageHash, BigInteger r, BigInteger s, int recId) {
          recoveries.incrementAndGet();
          return real.recoverPublicKey(messageHash, r, s, recId);
        }

        @Override
        public Bytes sign(Bytes32 messageHash, PrivateKey key) {
          return real.sign(messageHash, key);
        }
      };

  private final StatelessChecks checks =
      new StatelessChecks(new TransactionValidator(1337, 30_000_000), new SenderRecovery(counting));

  private Transaction transfer(long chainId) {
    return new TransactionSigner(real)
        .sign(
            UnsignedTransaction.eip1559(
                0,
                UInt256.ZERO,
                UInt256.ZERO,
                21_000,
                Address.of(9),
                UInt256.ONE,
                Bytes.EMPTY,
                List.of()),
            chainId,
            DevAccounts.account(2));
  }

  @Test
  void aTransactionThePoolHoldsIsNotRecoveredAgain() {
    Transaction tx = transfer(1337);
    StatelessChecks withPool =
        checks.withKnownSenders(
            hash ->
                hash.equals(tx.hash())
                    ? Optional.of(DevAccounts.account(2).address())
                    : Optional.empty());

    assertThat(withPool.check(tx))
        .isEqualTo(new RecoveryResult.Recovered(DevAccounts.account(2).address()));
    assertThat(recoveries).hasValue(0);
  }

  @Test
  void anUnknownTransactionIsCheckedAndRecoveredInFull() {
    StatelessChecks withPool = checks.withKnownSenders(KnownSenders.NONE);

    assertThat(withPool.check(transfer(1337)))
        .isEqualTo(new RecoveryResult.Recovered(DevAccounts.account(2).address()));
    assertThat(recoveries).hasValue(1);
    assertThat(withPool.check(transfer(5)))
        .isInstanceOfSatisfying(
            RecoveryResult.Invalid.class,
            i -> assertThat(i.rejection().reason()).isEqualTo(RejectionReason.WRONG_CHAIN_ID));
  }
}

package org.ailedger.node.p2p.eth;

import java.util.List;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/** Signed transfers of one dev account, legacy or EIP-1559, for the eth tests. */
final class Transfers {
  private static final TransactionSigner SIGNER =
      new TransactionSigner(new BouncyCastleSecp256k1());

  private Transfers() {}

  /** A legacy transfer carrying {@code data}, to make large transactions. */
  static Transaction withData(long nonce, Bytes data) {
    return SIGNER.sign(
        UnsignedTransaction.legacy(
            nonce, UInt256.ZERO, 10_000_000, Address.of(0x99), UInt256.ONE, data),
        1337,
        DevAccounts.account(10));
  }

  static Transaction transfer(long nonce, boolean legacy) {
    UnsignedTransaction unsigned =
        legacy
            ? UnsignedTransaction.legacy(
                nonce, UInt256.ZERO, 21_000, Address.of(0x99), UInt256.ONE, Bytes.EMPTY)
            : UnsignedTransaction.eip1559(
                nonce,
                UInt256.ZERO,
                UInt256.ZERO,
                21_000,
                Address.of(0x99),
                UInt256.ONE,
                Bytes.EMPTY,
                List.of());
    return SIGNER.sign(unsigned, 1337, DevAccounts.account(10));
  }
}

package org.ailedger.node.consensus.qbft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** Keys, headers and blocks for QBFT tests, without execution: roots are placeholders. */
public final class QbftFixtures {
  public static final long CHAIN_ID = 1337;
  public static final long GENESIS_TIME = 1_700_000_000L;
  public static final Secp256k1 SECP = new BouncyCastleSecp256k1();

  private QbftFixtures() {}

  /** {@code n} devnet validator keys, sorted by address as the validator set is. */
  public static List<KeyPair> validatorKeys(int n) {
    List<KeyPair> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(DevAccounts.validator(i));
    }
    keys.sort(Comparator.comparing(KeyPair::address));
    return List.copyOf(keys);
  }

  public static List<Address> addresses(List<KeyPair> keys) {
    return keys.stream().map(KeyPair::address).toList();
  }

  /** A genesis header naming {@code validators}, with the zero coinbase Besu's genesis has. */
  public static BlockHeader genesis(List<Address> validators) {
    return header(0, Bytes32.ZERO, Address.ZERO, validators, 0, GENESIS_TIME);
  }

  public static BlockHeader header(
      long number,
      Bytes32 parentHash,
      Address coinbase,
      List<Address> validators,
      int round,
      long timestamp) {
    return new BlockHeader(
        parentHash,
        BlockHeader.EMPTY_OMMERS_HASH,
        coinbase,
        Bytes32.fromHexString("0x" + "01".repeat(32)),
        Bytes32.fromHexString("0x" + "02".repeat(32)),
        Bytes32.fromHexString("0x" + "03".repeat(32)),
        LogsBloom.EMPTY,
        UInt256.ONE,
        number,
        30_000_000,
        0,
        timestamp,
        new QbftExtraData(Bytes32.ZERO, validators, Optional.empty(), round, List.of()).encode(),
        BlockHeader.QBFT_MIX_HASH,
        0,
        UInt256.ZERO);
  }

  /** An unsealed proposal on {@code parent} for {@code round}, by {@code proposer}. */
  public static Block proposal(BlockHeader parent, int round, Address proposer) {
    return new Block(
        header(
            parent.number() + 1,
            parent.hash(),
            proposer,
            parent.qbftExtraData().validators(),
            round,
            parent.timestamp() + 1),
        List.of());
  }

  public static Transaction legacyTransaction(long nonce) {
    return new TransactionSigner(SECP)
        .sign(
            UnsignedTransaction.legacy(
                nonce, UInt256.ZERO, 21_000, Address.of(0x1001), UInt256.ONE, Bytes.EMPTY),
            CHAIN_ID,
            DevAccounts.account(0));
  }

  public static Transaction eip1559Transaction(long nonce) {
    return new TransactionSigner(SECP)
        .sign(
            UnsignedTransaction.eip1559(
                nonce,
                UInt256.ZERO,
                UInt256.ONE,
                50_000,
                Address.of(0x1002),
                UInt256.ZERO,
                Bytes.fromHexString("0xabcd"),
                List.of()),
            CHAIN_ID,
            DevAccounts.account(1));
  }
}

package org.ailedger.node.genesis;

import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.node.state.Account;
import org.ailedger.node.state.MutableWorldState;
import org.ailedger.node.state.StateCommit;
import org.ailedger.node.state.WorldStateArchive;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** Builds block 0 from a genesis file: allocations, the ledger section, the QBFT header. */
public final class GenesisBlockFactory {
  private final WorldStateArchive archive;
  private final LedgerSeeder seeder;

  public GenesisBlockFactory(WorldStateArchive archive, LedgerSeeder seeder) {
    this.archive = archive;
    this.seeder = seeder;
  }

  public GenesisState create(GenesisConfig genesis) {
    MutableWorldState state = archive.mutableAt(Account.EMPTY_TRIE_ROOT);
    genesis.alloc().forEach(state::addBalance);
    seeder.seed(genesis, state);
    StateCommit commit = state.commit();
    BlockHeader header =
        new BlockHeader(
            Bytes32.ZERO,
            BlockHeader.EMPTY_OMMERS_HASH,
            genesis.coinbase(),
            commit.stateRoot(),
            Account.EMPTY_TRIE_ROOT,
            Account.EMPTY_TRIE_ROOT,
            LogsBloom.EMPTY,
            UInt256.ONE,
            0,
            genesis.gasLimit(),
            0,
            genesis.timestamp(),
            genesis.extraData(),
            BlockHeader.QBFT_MIX_HASH,
            0,
            genesis.baseFee());
    return new GenesisState(new Block(header, List.of()), commit);
  }
}

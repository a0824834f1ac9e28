package org.ailedger.node.app;

import java.time.Clock;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.BlockImporter;
import org.ailedger.node.chain.BlockTimings;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.chain.HeaderRules;
import org.ailedger.node.chain.HeaderRulesConfig;
import org.ailedger.node.consensus.qbft.BlockCreator;
import org.ailedger.node.consensus.qbft.CommitSeals;
import org.ailedger.node.consensus.qbft.SealVerifier;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.node.execution.BackgroundPrecompiles;
import org.ailedger.node.execution.BlockProcessor;
import org.ailedger.node.execution.EvmRunner;
import org.ailedger.node.execution.TransactionProcessor;
import org.ailedger.node.genesis.GenesisBlockFactory;
import org.ailedger.node.genesis.GenesisConfig;
import org.ailedger.node.genesis.GenesisState;
import org.ailedger.node.state.WorldStateArchive;
import org.ailedger.node.storage.KeyValueStore;
import org.ailedger.node.tx.KnownSenders;
import org.ailedger.node.tx.SenderRecovery;
import org.ailedger.node.tx.StatelessChecks;
import org.ailedger.node.tx.TransactionValidator;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.precompiles.execution.NativeCallExecutor;
import org.ailedger.precompiles.gas.GasSchedule;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The chain of one genesis over one store, with what executes, checks, builds and imports its
 * blocks: the part of a node that is the same whether it runs QBFT with peers, produces blocks
 * alone, or sits under a test or a benchmark. Networking, the pool and RPC are wired on top.
 *
 * @param checks the stateless transaction rules with sender recovery, as the pool applies them
 * @param rules the header rules, on {@code clock}
 * @param evm the EVM of this chain's fork schedule, shared by blocks and calls
 */
public record ChainCore(
    GenesisConfig genesis,
    WorldStateArchive archive,
    NativeContracts contracts,
    NativeCallExecutor executor,
    LedgerBindings bindings,
    DefaultBlockchain chain,
    BlockProcessor processor,
    StatelessChecks checks,
    HeaderRules rules,
    CommitSeals seals,
    BlockCreator creator,
    EvmRunner evm) {

  /** Opens the chain in {@code store}, writing {@code genesis} first if the store is empty. */
  public static ChainCore open(
      KeyValueStore store, GenesisConfig genesis, Secp256k1 secp256k1, Clock clock) {
    WorldStateArchive archive = new WorldStateArchive(store);
    NativeContracts contracts = NativeContracts.standard();
    NativeCallExecutor executor = new NativeCallExecutor(contracts, GasSchedule.DEFAULT);
    LedgerBindings bindings = new LedgerBindings();
    GenesisState genesisState = new GenesisBlockFactory(archive, bindings::seed).create(genesis);
    DefaultBlockchain chain =
        DefaultBlockchain.open(
            store, genesis.chainId(), genesisState.block(), genesisState.state());
    EvmRunner evm =
        genesis.forks().evmConfigured()
            ? new EvmRunner(
                BackgroundPrecompiles.cancun(),
                genesis.forks(),
                number -> chain.header(number).map(BlockHeader::hash).orElse(Bytes32.ZERO),
                contracts::isNative)
            : EvmRunner.disabled();
    BlockProcessor processor =
        new BlockProcessor(
            archive,
            new TransactionProcessor(contracts, executor, bindings::isAccountAllowed, evm),
            bindings::validators);
    StatelessChecks checks =
        new StatelessChecks(
            new TransactionValidator(
                genesis.chainId(), genesis.gasLimit(), genesis.forks().evmConfigured()),
            new SenderRecovery(secp256k1));
    HeaderRules rules =
        new HeaderRules(
            new HeaderRulesConfig(genesis.qbft().blockPeriodSeconds(), genesis.baseFee()), clock);
    CommitSeals seals = new CommitSeals(secp256k1);
    return new ChainCore(
        genesis,
        archive,
        contracts,
        executor,
        bindings,
        chain,
        processor,
        checks,
        rules,
        seals,
        new BlockCreator(processor, seals, genesis.chainId()),
        evm);
  }

  /**
   * Import of peers' and consensus' blocks: header rules, seals, the stateless rules (answered from
   * {@code known} for transactions already checked, e.g. by the pool), execution.
   */
  public BlockImporter importer(KnownSenders known) {
    return importer(known, BlockTimings.NONE);
  }

  public BlockImporter importer(KnownSenders known, BlockTimings timings) {
    return new BlockImporter(
        chain, processor, rules, new SealVerifier(seals), checks.withKnownSenders(known), timings);
  }
}

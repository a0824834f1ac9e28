package org.ailedger.node.genesis;

import org.ailedger.node.block.Block;
import org.ailedger.node.state.StateCommit;

/** Block 0 and the state its root names. */
public record GenesisState(Block block, StateCommit state) {}

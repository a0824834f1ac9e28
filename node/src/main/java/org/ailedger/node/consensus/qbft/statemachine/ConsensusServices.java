package org.ailedger.node.consensus.qbft.statemachine;

import java.time.Clock;
import org.ailedger.node.consensus.qbft.CommitSeals;
import org.ailedger.node.consensus.qbft.message.MessageFactory;
import org.ailedger.node.consensus.qbft.validation.BlockValidity;

/** What a height's state machine uses; one set per node, shared by its successive heights. */
record ConsensusServices(
    MessageFactory messages,
    Gossip gossip,
    ProposalBuilder builder,
    BlockValidity blocks,
    CommittedBlockImport importer,
    ConsensusTimers timers,
    CommitSeals seals,
    Clock clock,
    QbftConfig config) {}

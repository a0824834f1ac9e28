package org.ailedger.node.execution.evm;

import java.util.Optional;
import org.ailedger.evm.frame.BlockContext;
import org.ailedger.evm.tx.EvmTransaction;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One Cancun expectation of a state test: a transaction (or, when its fields cannot even be
 * represented, the reason) against a pre-state, and the expected root, logs hash and exception.
 */
record StateTestCase(
    String id,
    String folder,
    PreState pre,
    BlockContext block,
    Optional<EvmTransaction> transaction,
    Bytes32 expectedRoot,
    Bytes32 expectedLogsHash,
    Optional<String> expectedException) {}

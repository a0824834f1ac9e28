package org.ailedger.node.chain;

import java.util.List;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.TransactionReceipt;
import org.apache.tuweni.bytes.Bytes32;

/** Read access to the committed canonical chain. Implementations are thread-safe. */
public interface ChainReader {
  long chainId();

  BlockHeader head();

  Optional<BlockHeader> header(long number);

  Optional<BlockHeader> header(Bytes32 blockHash);

  Optional<Block> block(long number);

  Optional<Block> block(Bytes32 blockHash);

  /** Receipts of a block, in transaction order; empty if the block is unknown. */
  List<TransactionReceipt> receipts(Bytes32 blockHash);

  Optional<TransactionLocation> transactionLocation(Bytes32 transactionHash);
}

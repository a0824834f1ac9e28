package org.ailedger.node.p2p.eth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.LogsBloom;
import org.ailedger.node.block.QbftExtraData;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.chain.TransactionLocation;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** A chain of unsealed, linked, empty QBFT-shaped blocks 0..head, for serving tests. */
public final class ListChain implements ChainReader {
  private final List<Block> blocks = new ArrayList<>();
  private final Map<Bytes32, Block> byHash = new HashMap<>();

  public ListChain(int head) {
    Bytes32 parent = Bytes32.ZERO;
    for (int n = 0; n <= head; n++) {
      BlockHeader header =
          new BlockHeader(
              parent,
              BlockHeader.EMPTY_OMMERS_HASH,
              Address.of(0xabcd),
              Bytes32.ZERO,
              Bytes32.ZERO,
              Bytes32.ZERO,
              LogsBloom.EMPTY,
              UInt256.ONE,
              n,
              30_000_000,
              0,
              1_767_225_600L + n,
              QbftExtraData.genesis(List.of(Address.of(0xabcd))).encode(),
              BlockHeader.QBFT_MIX_HASH,
              0,
              UInt256.ZERO);
      blocks.add(new Block(header, List.of()));
      byHash.put(header.hash(), blocks.getLast());
      parent = header.hash();
    }
  }

  @Override
  public long chainId() {
    return 1337;
  }

  @Override
  public BlockHeader head() {
    return blocks.getLast().header();
  }

  @Override
  public Optional<BlockHeader> header(long number) {
    return block(number).map(Block::header);
  }

  @Override
  public Optional<BlockHeader> header(Bytes32 blockHash) {
    return block(blockHash).map(Block::header);
  }

  @Override
  public Optional<Block> block(long number) {
    return number < 0 || number >= blocks.size()
        ? Optional.empty()
        : Optional.of(blocks.get((int) number));
  }

  @Override
  public Optional<Block> block(Bytes32 blockHash) {
    return Optional.ofNullable(byHash.get(blockHash));
  }

  @Override
  public List<TransactionReceipt> receipts(Bytes32 blockHash) {
    return List.of();
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Bytes32 transactionHash) {
    return Optional.empty();
  }
}

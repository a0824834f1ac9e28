package org.ailedger.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.chain.DefaultBlockchain;
import org.ailedger.node.chain.TransactionLocation;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisConfig;
import org.ailedger.node.genesis.GenesisParser;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.state.Account;
import org.ailedger.node.state.WorldStateArchive;
import org.ailedger.node.state.WorldStateReader;
import org.ailedger.node.state.trie.MerklePatriciaTrie;
import org.ailedger.node.storage.InMemoryKeyValueStore;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/**
 * The pool's view of senders answers from the head's state, reads each sender once per head, and
 * forgets what it read when the head moves.
 */
class HeadStateTest {
  private final Address sender = DevAccounts.account(2).address();
  private final Address stranger = Address.of(0xaa);

  @Test
  void aSendersQuestionsAreReadOncePerHeadAndAgainAfterTheHeadMoves() {
    GenesisConfig genesis =
        new GenesisParser().parse(new GenesisWriter().write(DevnetGenesis.spec()));
    ChainCore core =
        ChainCore.open(
            new InMemoryKeyValueStore(), genesis, new BouncyCastleSecp256k1(), Clock.systemUTC());
    DefaultBlockchain chain = core.chain();
    WorldStateArchive archive = core.archive();
    LedgerBindings bindings = core.bindings();
    CountingState reads = new CountingState(archive);
    MovableHead head = new MovableHead(chain);
    HeadState state = new HeadState(head, reads, bindings);

    UInt256 balance = archive.account(chain.head().stateRoot(), sender).orElseThrow().balance();
    for (int i = 0; i < 5; i++) {
      assertThat(state.isPermitted(sender)).isTrue();
      assertThat(state.nonce(sender)).isZero();
      assertThat(state.balance(sender)).isEqualTo(balance);
      assertThat(state.isPermitted(stranger)).isFalse();
    }
    int readsAtGenesis = reads.count.get();
    assertThat(state.nonce(sender)).isZero();
    assertThat(reads.count.get()).isEqualTo(readsAtGenesis);

    // a head whose state holds nothing: every answer is read again, from the new root
    head.moveTo(withStateRoot(chain.head(), MerklePatriciaTrie.EMPTY_ROOT));
    assertThat(state.isPermitted(sender)).isFalse();
    assertThat(state.balance(sender)).isEqualTo(UInt256.ZERO);
    assertThat(reads.count.get()).isGreaterThan(readsAtGenesis);
  }

  private static BlockHeader withStateRoot(BlockHeader h, Bytes32 root) {
    return new BlockHeader(
        h.parentHash(),
        h.ommersHash(),
        h.coinbase(),
        root,
        h.transactionsRoot(),
        h.receiptsRoot(),
        h.logsBloom(),
        h.difficulty(),
        h.number() + 1,
        h.gasLimit(),
        h.gasUsed(),
        h.timestamp() + 1,
        h.extraData(),
        h.mixHash(),
        h.nonce(),
        h.baseFee());
  }

  /** Counts the reads that reach the state, accounts and storage slots alike. */
  private record CountingState(WorldStateReader state, AtomicInteger count)
      implements WorldStateReader {
    CountingState(WorldStateReader state) {
      this(state, new AtomicInteger());
    }

    @Override
    public Optional<Account> account(Bytes32 stateRoot, Address address) {
      count.incrementAndGet();
      return state.account(stateRoot, address);
    }

    @Override
    public Bytes32 storageAt(Bytes32 stateRoot, Address address, Bytes32 slot) {
      count.incrementAndGet();
      return state.storageAt(stateRoot, address, slot);
    }
  }

  /** The real chain, with a head the test moves. */
  private static final class MovableHead implements ChainReader {
    private final ChainReader chain;
    private volatile BlockHeader head;

    MovableHead(ChainReader chain) {
      this.chain = chain;
      this.head = chain.head();
    }

    void moveTo(BlockHeader header) {
      head = header;
    }

    @Override
    public long chainId() {
      return chain.chainId();
    }

    @Override
    public BlockHeader head() {
      return head;
    }

    @Override
    public Optional<BlockHeader> header(long number) {
      return chain.header(number);
    }

    @Override
    public Optional<BlockHeader> header(Bytes32 blockHash) {
      return chain.header(blockHash);
    }

    @Override
    public Optional<Block> block(long number) {
      return chain.block(number);
    }

    @Override
    public Optional<Block> block(Bytes32 blockHash) {
      return chain.block(blockHash);
    }

    @Override
    public List<TransactionReceipt> receipts(Bytes32 blockHash) {
      return chain.receipts(blockHash);
    }

    @Override
    public Optional<TransactionLocation> transactionLocation(Bytes32 transactionHash) {
      return chain.transactionLocation(transactionHash);
    }
  }
}

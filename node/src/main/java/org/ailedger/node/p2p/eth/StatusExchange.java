package org.ailedger.node.p2p.eth;

import java.util.Optional;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.p2p.eth.EthMessage.Status;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The Status this node sends and the checks a peer's Status must pass: same eth version, network id
 * (this chain's id, as Besu's default network id is the chain id), fork id and genesis hash,
 * checked in Besu's order ({@code EthProtocolManager.handleStatusMessage}).
 *
 * <p>Total difficulty: Besu keeps the sum of header difficulties ({@code
 * DefaultBlockchain.calculateTotalDifficulty}: the genesis difficulty, then parent plus difficulty)
 * and sends the head's in Status and NewBlock; its BFT protocol schedule fixes every block's
 * difficulty at 1 ({@code BaseBftProtocolScheduleBuilder}: {@code difficultyCalculator((time,
 * parent) -> BigInteger.ONE)}; {@code QbftBlockHeaderValidationRulesetFactory} checks it). Our
 * {@code HeaderRules} enforce the same, so the total difficulty at block n is the genesis
 * difficulty plus n — n + 1 with the usual genesis difficulty 0x1 — and a QBFT peer's height
 * follows from its Status.
 */
public final class StatusExchange {
  private final ChainReader chain;
  private final Bytes32 genesisHash;
  private final UInt256 genesisDifficulty;
  private final ForkId forkId;

  public StatusExchange(ChainReader chain) {
    this.chain = chain;
    BlockHeader genesis =
        chain.header(0).orElseThrow(() -> new IllegalStateException("the chain has no genesis"));
    this.genesisHash = genesis.hash();
    this.genesisDifficulty = genesis.difficulty();
    this.forkId = ForkId.ofChainWithoutForks(genesisHash);
  }

  public Status localStatus() {
    BlockHeader head = chain.head();
    return new Status(
        EthProtocol.VERSION,
        chain.chainId(),
        totalDifficulty(head.number()),
        head.hash(),
        genesisHash,
        forkId);
  }

  public ForkId forkId() {
    return forkId;
  }

  /** The total difficulty of the canonical block at {@code number}. */
  public UInt256 totalDifficulty(long number) {
    return genesisDifficulty.add(number);
  }

  /** The head height a QBFT peer's total difficulty implies; 0 if it is below ours at genesis. */
  public long heightOf(UInt256 totalDifficulty) {
    if (totalDifficulty.compareTo(genesisDifficulty) <= 0) {
      return 0;
    }
    UInt256 height = totalDifficulty.subtract(genesisDifficulty);
    return height.fitsLong() ? height.toLong() : Long.MAX_VALUE;
  }

  /** Why the session with a peer that sent {@code remote} must end, if it must. */
  public Optional<EthProtocolViolation> check(Status remote) {
    if (remote.version() != EthProtocol.VERSION) {
      return Optional.of(EthProtocolViolation.UNSUPPORTED_VERSION);
    }
    if (remote.networkId() != chain.chainId()) {
      return Optional.of(EthProtocolViolation.NETWORK_ID_MISMATCH);
    }
    if (!compatible(remote.forkId())) {
      return Optional.of(EthProtocolViolation.FORK_ID_MISMATCH);
    }
    if (!remote.genesisHash().equals(genesisHash)) {
      return Optional.of(EthProtocolViolation.GENESIS_MISMATCH);
    }
    return Optional.empty();
  }

  /**
   * EIP-2124's rules for a chain without forks after genesis: rule 1 (same checksum: connect,
   * whatever next fork the peer announces) is the only one that can accept, since rule 2 needs a
   * passed fork the peer lacks and rule 3 a future fork we know. Besu skips the fork id check when
   * its chain has no forks ({@code ForkIdManager.peerCheck}); here the checksum still has to match,
   * which a Besu peer with the same genesis and no forks after block 0 satisfies.
   */
  private boolean compatible(ForkId remote) {
    return remote.hash().equals(forkId.hash());
  }
}

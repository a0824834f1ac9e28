package org.ailedger.node.p2p.eth;

import static org.assertj.core.api.Assertions.assertThat;

import org.ailedger.node.p2p.eth.EthMessage.Status;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class StatusExchangeTest {
  private final ListChain chain = new ListChain(41);
  private final StatusExchange exchange = new StatusExchange(chain);
  private final Status local = exchange.localStatus();

  @Test
  void ourStatusCarriesTheQbftTotalDifficultyOfHeadPlusOne() {
    Bytes32 genesis = chain.header(0).orElseThrow().hash();

    assertThat(local)
        .isEqualTo(
            new Status(
                68,
                1337,
                UInt256.valueOf(42),
                chain.head().hash(),
                genesis,
                ForkId.ofChainWithoutForks(genesis)));
    assertThat(exchange.heightOf(local.totalDifficulty())).isEqualTo(41);
    assertThat(exchange.heightOf(UInt256.ZERO)).isZero();
    assertThat(exchange.heightOf(UInt256.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aPeerOnTheSameChainAtAnyHeightIsAccepted() {
    assertThat(exchange.check(local)).isEmpty();
    assertThat(exchange.check(withTd(UInt256.valueOf(1_000_000)))).isEmpty();
  }

  @Test
  void aPeerAnnouncingAFutureForkWithTheSameChecksumIsAccepted() {
    assertThat(exchange.check(withForkId(new ForkId(local.forkId().hash(), 5_000_000)))).isEmpty();
  }

  @Test
  void eachMismatchIsTurnedAwayWithItsReason() {
    assertThat(exchange.check(withVersion(67))).contains(EthProtocolViolation.UNSUPPORTED_VERSION);
    assertThat(exchange.check(withNetwork(1))).contains(EthProtocolViolation.NETWORK_ID_MISMATCH);
    assertThat(exchange.check(withForkId(new ForkId(Bytes.fromHexString("0x01020304"), 0))))
        .contains(EthProtocolViolation.FORK_ID_MISMATCH);
    assertThat(exchange.check(withGenesis(Bytes32.ZERO)))
        .contains(EthProtocolViolation.GENESIS_MISMATCH);
  }

  private Status withVersion(int version) {
    return new Status(
        version,
        local.networkId(),
        local.totalDifficulty(),
        local.bestHash(),
        local.genesisHash(),
        local.forkId());
  }

  private Status withNetwork(long network) {
    return new Status(
        68,
        network,
        local.totalDifficulty(),
        local.bestHash(),
        local.genesisHash(),
        local.forkId());
  }

  private Status withTd(UInt256 td) {
    return new Status(68, 1337, td, local.bestHash(), local.genesisHash(), local.forkId());
  }

  private Status withForkId(ForkId forkId) {
    return new Status(
        68, 1337, local.totalDifficulty(), local.bestHash(), local.genesisHash(), forkId);
  }

  private Status withGenesis(Bytes32 genesis) {
    // the fork id follows the genesis, so a foreign chain also fails the fork id check first
    return new Status(68, 1337, local.totalDifficulty(), local.bestHash(), genesis, local.forkId());
  }
}

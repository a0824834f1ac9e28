package org.ailedger.indexer.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.NativeContract;
import org.ailedger.indexer.event.RawLog;
import org.ailedger.indexer.store.Block;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/**
 * A node in memory: a chain of blocks whose odd blocks carry one token Transfer each (and every
 * fifth block also a log of an unknown event), a head that tests move, and faults on demand.
 */
final class FakeChain implements ChainSource {
  private static final String ACCOUNT = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";

  private final String fork;
  private volatile long head;
  private volatile boolean unreachable;
  private volatile int logCalls;

  FakeChain(String fork, long head) {
    this.fork = fork;
    this.head = head;
  }

  void head(long head) {
    this.head = head;
  }

  void unreachable(boolean unreachable) {
    this.unreachable = unreachable;
  }

  int logCalls() {
    return logCalls;
  }

  /** How many decodable events blocks 1..{@code upTo} carry. */
  static long eventsUpTo(long upTo) {
    return (upTo + 1) / 2;
  }

  Block block(long number) {
    return new Block(number, hash(number), number == 0 ? Bytes32.ZERO : hash(number - 1), number);
  }

  private Bytes32 hash(long number) {
    // block 0 is shared by every fork of this fake: forks differ from block 1 on
    return Bytes32.fromHexString(Hash.sha3String((number == 0 ? "" : fork) + " block " + number));
  }

  @Override
  public long chainId() throws NodeException {
    reachable();
    return 1337;
  }

  @Override
  public long headNumber() throws NodeException {
    reachable();
    return head;
  }

  @Override
  public Map<Long, Block> blocks(Collection<Long> numbers) throws NodeException {
    reachable();
    Map<Long, Block> blocks = new HashMap<>();
    for (long number : numbers) {
      if (number > head) {
        throw new NodeException("no block " + number);
      }
      blocks.put(number, block(number));
    }
    return blocks;
  }

  @Override
  public List<RawLog> logs(long fromBlock, long toBlock, List<EthAddress> addresses)
      throws NodeException {
    reachable();
    logCalls++;
    if (toBlock > head) {
      throw new NodeException("range beyond the head");
    }
    List<RawLog> logs = new ArrayList<>();
    for (long number = fromBlock; number <= toBlock; number++) {
      int index = 0;
      if (number % 2 == 1) {
        logs.add(transfer(number, index++));
      }
      if (number % 5 == 0) {
        logs.add(unknown(number, index++));
      }
    }
    return logs;
  }

  @Override
  public Bytes call(EthAddress to, Bytes data, long blockNumber) throws NodeException {
    throw new NodeException("the fake answers no calls");
  }

  private RawLog transfer(long number, int index) {
    return new RawLog(
        NativeContract.CONTRIBUTION_TOKEN.address(),
        List.of(
            Bytes32.fromHexString(
                EventEncoder.encode(
                    org.ailedger.chaincode.bindings.ContributionToken.TRANSFER_EVENT)),
            Bytes32.fromHexString(TypeEncoder.encode(new Address(ACCOUNT))),
            Bytes32.fromHexString(TypeEncoder.encode(new Address(ACCOUNT)))),
        Bytes.fromHexString(TypeEncoder.encode(new Uint256(number))),
        position(number, index));
  }

  private RawLog unknown(long number, int index) {
    return new RawLog(
        NativeContract.CONTRIBUTION_TOKEN.address(),
        List.of(Bytes32.fromHexString(Hash.sha3String("Unknown()"))),
        Bytes.EMPTY,
        position(number, index));
  }

  private LogPosition position(long number, int index) {
    return new LogPosition(
        number, index, hash(number), Bytes32.fromHexString(Hash.sha3String("tx " + number)), 0);
  }

  private void reachable() throws NodeException {
    if (unreachable) {
      throw new NodeException("connection refused");
    }
  }
}

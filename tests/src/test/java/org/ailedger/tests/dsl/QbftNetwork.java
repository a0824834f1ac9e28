package org.ailedger.tests.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.p2p.peers.StaticNodesFile;
import org.ailedger.types.Address;

/**
 * A QBFT network of validator processes on the devnet genesis, each naming all the others as static
 * peers, plus any non-validator replicas the genesis admits to the node allowlist. Closing it kills
 * every process.
 */
public final class QbftNetwork implements AutoCloseable {
  private final String name;
  private final String genesis;
  private final Path staticFiles;
  private final List<NodeProcess> validators = new ArrayList<>();
  private final List<NodeProcess> replicas = new ArrayList<>();

  private QbftNetwork(String name, String genesis, Path staticFiles) {
    this.name = name;
    this.genesis = genesis;
    this.staticFiles = staticFiles;
  }

  /**
   * Starts {@code count} validators (dev validator keys 0..count-1); the genesis node allowlist
   * also names {@code replicaKeys}, so replicas started later are admitted.
   */
  public static QbftNetwork start(String name, int count, Path dir, List<KeyPair> replicaKeys) {
    return start(name, count, count, dir, replicaKeys);
  }

  /**
   * Starts the first {@code running} of the {@code count} validators the genesis names; the others'
   * keys (dev validator keys {@code running..count-1}) are the test's, e.g. a Byzantine harness's.
   */
  public static QbftNetwork start(
      String name, int count, int running, Path dir, List<KeyPair> replicaKeys) {
    GenesisWriter.Spec devnet = DevnetGenesis.spec(count);
    List<Address> nodes = new ArrayList<>(devnet.nodes());
    replicaKeys.forEach(k -> nodes.add(k.address()));
    GenesisWriter.Spec spec =
        new GenesisWriter.Spec(
            devnet.chainId(),
            devnet.qbft(),
            devnet.gasLimit(),
            devnet.timestamp(),
            devnet.validators(),
            devnet.alloc(),
            devnet.accounts(),
            nodes,
            devnet.tokens(),
            devnet.parameters());
    QbftNetwork network = new QbftNetwork(name, new GenesisWriter().write(spec), dir);
    try {
      for (int i = 0; i < running; i++) {
        network.validators.add(
            NodeProcess.prepareNode(name + "-" + i, network.genesis, DevAccounts.validator(i)));
      }
      for (int i = 0; i < running; i++) {
        List<String> others = new ArrayList<>();
        for (int j = 0; j < running; j++) {
          if (j != i) {
            others.add(network.validators.get(j).enode());
          }
        }
        network.validators.get(i).start("--static-nodes-file", network.staticFile(i, others));
      }
    } catch (RuntimeException | Error e) {
      network.close();
      throw e;
    }
    return network;
  }

  /** Starts a node that is no validator, keeping every validator as a static peer. */
  public NodeProcess startReplica(String replicaName, KeyPair key) {
    NodeProcess replica = NodeProcess.prepareNode(name + "-" + replicaName, genesis, key);
    replicas.add(replica);
    List<String> enodes = validators.stream().map(NodeProcess::enode).toList();
    replica.start("--static-nodes-file", staticFile(100 + replicas.size(), enodes));
    return replica;
  }

  public NodeProcess validator(int index) {
    return validators.get(index);
  }

  public List<NodeProcess> validators() {
    return List.copyOf(validators);
  }

  /** The running validators. */
  public List<NodeProcess> live() {
    return validators.stream().filter(NodeProcess::isAlive).toList();
  }

  /** The lowest head among {@code nodes}: every one of them has this block. */
  public static long lowestHead(List<NodeProcess> nodes) {
    return nodes.stream().mapToLong(n -> n.rpc().blockNumber()).min().orElseThrow();
  }

  public static long highestHead(List<NodeProcess> nodes) {
    return nodes.stream().mapToLong(n -> n.rpc().blockNumber()).max().orElseThrow();
  }

  /** Waits until every one of {@code nodes} has a head at or above {@code number}. */
  public static void awaitAllAtLeast(List<NodeProcess> nodes, long number, Duration timeout) {
    for (NodeProcess node : nodes) {
      node.awaitBlockAbove(number - 1, timeout);
    }
  }

  public static JsonNode block(NodeProcess node, long number) {
    JsonNode block = node.rpc().result("eth_getBlockByNumber", JsonRpc.quantity(number), false);
    assertThat(block.isNull()).as("%s has block %d", node.name(), number).isFalse();
    return block;
  }

  public static String hashAt(NodeProcess node, long number) {
    return block(node, number).get("hash").asText();
  }

  /** The proposer of a block: its coinbase, lower-case hex. */
  public static String coinbaseAt(NodeProcess node, long number) {
    return block(node, number).get("miner").asText();
  }

  /**
   * Asserts that blocks 0..{@code upTo} are the same, hash for hash, on every one of {@code nodes}.
   */
  public static void assertSameChain(List<NodeProcess> nodes, long upTo) {
    for (long n = 0; n <= upTo; n++) {
      String expected = hashAt(nodes.get(0), n);
      for (NodeProcess node : nodes.subList(1, nodes.size())) {
        assertThat(hashAt(node, n))
            .as("block %d on %s and on %s", n, node.name(), nodes.get(0).name())
            .isEqualTo(expected);
      }
    }
  }

  /** The receipt of {@code txHash} on {@code node}, if it has one. */
  public static Optional<JsonNode> receipt(NodeProcess node, String txHash) {
    JsonNode receipt = node.rpc().result("eth_getTransactionReceipt", txHash);
    return receipt.isNull() ? Optional.empty() : Optional.of(receipt);
  }

  @Override
  public void close() {
    replicas.forEach(NodeProcess::close);
    validators.forEach(NodeProcess::close);
  }

  private String staticFile(int index, List<String> enodes) {
    Path file = staticFiles.resolve(name + "-static-" + index + ".json");
    StaticNodesFile.write(file, enodes.stream().map(EnodeUrl::parse).toList());
    return file.toString();
  }
}

package org.ailedger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ailedger.node.app.LedgerNode;
import org.ailedger.node.app.NodeConfig;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.p2p.peers.PeersConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a local development network on chain id 1337 with the well-known dev accounts.",
      "Creates (or reuses) the data directory, prints the endpoints and accounts, stops on Ctrl-C."
    })
final class DevnetCommand implements Callable<Integer> {
  /** The devnet runs one validator until the QBFT network lands; its genesis names only it. */
  static final int VALIDATORS = 1;

  @Option(
      names = "--data-dir",
      defaultValue = "devnet-data",
      description = "Devnet directory (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--reset",
      description = "Delete the devnet directory first and start from block 0.")
  boolean reset;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--no-demo",
      description = "Start a new devnet without the demo model, datasets and round.")
  boolean noDemo;

  @Mixin PortOptions ports;

  @Override
  public Integer call() throws IOException {
    if (reset) {
      deleteRecursively(dataDir);
    }
    Path genesisFile = dataDir.resolve("genesis.json");
    Path validatorDir = dataDir.resolve("validator-0");
    Path keyFile = validatorDir.resolve("key");
    Files.createDirectories(validatorDir);
    boolean fresh = !Files.exists(genesisFile);
    if (fresh) {
      Files.writeString(genesisFile, new GenesisWriter().write(DevnetGenesis.spec(VALIDATORS)));
    }
    if (!Files.exists(keyFile)) {
      KeyFile.write(keyFile, DevAccounts.validator(0));
    }
    NodeConfig config =
        new NodeConfig(
            validatorDir.resolve("data"),
            genesisFile,
            Optional.of(keyFile),
            host,
            ports.httpPort,
            ports.wsPort,
            ports.metricsPort,
            List.of("*"),
            false,
            VersionProvider.clientVersion(),
            NodeConfig.DEFAULT_BLOCK_TXS_SELECTION_PERCENT,
            PeersConfig.disabled());
    NodeRun.untilInterrupted(
        new LedgerNode(config, Clock.systemUTC()),
        node -> {
          printBanner(node);
          if (fresh && !noDemo) {
            System.out.println("Seeding the demo (a few seconds)...");
            new DevnetDemo("http://" + host + ":" + node.httpPort())
                .seed()
                .forEach(line -> System.out.println("  " + line));
            System.out.println();
          }
        });
    return 0;
  }

  private void printBanner(LedgerNode node) {
    System.out.println();
    System.out.println(
        "AI Contribution Ledger devnet  (chain id "
            + DevAccounts.DEVNET_CHAIN_ID
            + ", data in "
            + dataDir
            + ")");
    System.out.printf("  JSON-RPC HTTP  http://%s:%d%n", host, node.httpPort());
    System.out.printf("  JSON-RPC WS    ws://%s:%d%n", host, node.wsPort());
    System.out.printf("  metrics        http://%s:%d/metrics%n", host, node.metricsPort());
    System.out.println();
    System.out.println(
        "Dev accounts (mnemonic \""
            + DevAccounts.MNEMONIC
            + "\"; devnet only, never use elsewhere):");
    String[] roles = {
      "model owner",
      "aggregator",
      "contributor",
      "contributor",
      "contributor",
      "auditor",
      "token holder",
      "token holder",
      "token holder",
      "token holder"
    };
    for (int i = 0; i < DevAccounts.NAMED_ACCOUNTS; i++) {
      KeyPair key = DevAccounts.account(i);
      System.out.printf(
          "  (%d) %s  %-12s  key %s%n",
          i, key.address().toChecksumHex(), roles[i], key.privateKey().bytes().toHexString());
    }
    System.out.println("  (10..137) load-test contributors of member \"load\"");
    System.out.println();
    System.out.println("Press Ctrl-C to stop.");
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException("cannot delete " + p, e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

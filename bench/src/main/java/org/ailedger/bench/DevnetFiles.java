package org.ailedger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.p2p.peers.StaticNodesFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a devnet genesis for {@code --validators} validators, their keys and, for each, a
 * static-nodes file naming the others on localhost ({@code --p2p-base}+i), so a benchmark can start
 * {@code ailedger node} processes on ports of its choosing from a clean chain.
 */
@Command(
    name = "devnet-files",
    mixinStandardHelpOptions = true,
    description =
        "Writes genesis.json and validator-i/{key,static-nodes.json} of a devnet into --out.")
public final class DevnetFiles implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      description = "Directory to create; must not hold a genesis yet.")
  Path out;

  @Option(names = "--validators", defaultValue = "1", description = "Validators (default: 1).")
  int validators;

  @Option(
      names = "--p2p-base",
      defaultValue = "40303",
      description = "p2p port of validator 0; validator i listens on base + i (default: 40303).")
  int p2pBase;

  @Override
  public Integer call() throws IOException {
    Path genesis = out.resolve("genesis.json");
    if (Files.exists(genesis)) {
      System.err.println("devnet-files: " + genesis + " already exists");
      return 1;
    }
    Files.createDirectories(out);
    Files.writeString(genesis, new GenesisWriter().write(DevnetGenesis.spec(validators)));
    List<EnodeUrl> enodes = new ArrayList<>();
    for (int i = 0; i < validators; i++) {
      KeyFile.write(out.resolve("validator-" + i).resolve("key"), DevAccounts.validator(i));
      enodes.add(new EnodeUrl(DevAccounts.validator(i).publicKey(), "127.0.0.1", p2pBase + i));
    }
    StaticNodesFile.writeFullMesh(
        enodes, i -> out.resolve("validator-" + i).resolve(StaticNodesFile.DEFAULT_NAME));
    System.out.println(out);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DevnetFiles()).execute(args));
  }
}

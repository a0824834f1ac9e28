package org.ailedger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the one-validator devnet's genesis and validator key into a fresh directory, so a
 * benchmark can start {@code ailedger node} on ports of its choosing from a clean chain.
 */
@Command(
    name = "devnet-files",
    mixinStandardHelpOptions = true,
    description = "Writes genesis.json and validator-0/key of the one-validator devnet into --out.")
public final class DevnetFiles implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      description = "Directory to create; must not hold a genesis yet.")
  Path out;

  @Override
  public Integer call() throws IOException {
    Path genesis = out.resolve("genesis.json");
    if (Files.exists(genesis)) {
      System.err.println("devnet-files: " + genesis + " already exists");
      return 1;
    }
    Files.createDirectories(out);
    Files.writeString(genesis, new GenesisWriter().write(DevnetGenesis.spec(1)));
    KeyFile.write(out.resolve("validator-0").resolve("key"), DevAccounts.validator(0));
    System.out.println(out);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new DevnetFiles()).execute(args));
  }
}

package org.ailedger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.genesis.LedgerAccount;
import org.ailedger.node.genesis.MemberIds;
import org.ailedger.node.genesis.QbftOptions;
import org.ailedger.types.Address;
import org.apache.tuweni.units.bigints.UInt256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "genesis",
    mixinStandardHelpOptions = true,
    description = "Creates genesis files for new networks.",
    subcommands = {GenesisCommand.New.class, GenesisCommand.Devnet.class})
final class GenesisCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = {
        "Writes a new network into an empty directory: a key and node options per validator,",
        "an administrator account holding every role, and genesis.json naming them all."
      })
  static final class New implements Callable<Integer> {
    /**
     * One million tokens: the founder's stake, to hand on to members through governance or
     * transfers.
     */
    static final UInt256 INITIAL_ADMIN_TOKENS = UInt256.valueOf(BigInteger.TEN.pow(24));

    @Option(
        names = "--validators",
        required = true,
        description = "Number of validators (1 or more).")
    int validators;

    @Option(
        names = "--out",
        required = true,
        description = "Directory to create; must be empty or absent.")
    Path out;

    @Option(
        names = "--chain-id",
        defaultValue = "2026",
        description = "Chain id (default: ${DEFAULT-VALUE}); 1337 is the devnet's.")
    long chainId;

    @Option(
        names = "--block-period",
        defaultValue = "2",
        description = "Seconds between blocks (default: ${DEFAULT-VALUE}).")
    int blockPeriod;

    @Option(
        names = "--gas-limit",
        defaultValue = "300000000",
        description = "Block gas limit (default: ${DEFAULT-VALUE}).")
    long gasLimit;

    @Option(
        names = "--member",
        defaultValue = "founder",
        description =
            "Member (organisation) of the administrator account (default: ${DEFAULT-VALUE}).")
    String member;

    @Override
    public Integer call() {
      if (validators < 1) {
        throw new IllegalArgumentException("--validators must be at least 1");
      }
      if (chainId == DevAccounts.DEVNET_CHAIN_ID) {
        throw new IllegalArgumentException(
            "chain id 1337 is reserved for the devnet; choose another");
      }
      requireEmpty(out);
      List<Address> validatorAddresses = new ArrayList<>();
      for (int i = 0; i < validators; i++) {
        Path dir = out.resolve("validator-" + i);
        KeyPair key = KeysCommand.newKey();
        KeyFile.write(dir.resolve("key"), key);
        validatorAddresses.add(key.address());
        writeArgs(dir, i);
      }
      KeyPair admin = KeysCommand.newKey();
      KeyFile.write(out.resolve("admin.key"), admin);
      Map<Address, UInt256> alloc = new LinkedHashMap<>();
      alloc.put(admin.address(), UInt256.valueOf(BigInteger.TEN.pow(24)));
      List<LedgerAccount> accounts =
          List.of(
              new LedgerAccount(
                  admin.address(),
                  MemberIds.parse(member),
                  List.of("MODEL_OWNER", "AGGREGATOR", "CONTRIBUTOR", "AUDITOR")));
      GenesisWriter.Spec spec =
          new GenesisWriter.Spec(
              chainId,
              new QbftOptions(
                  blockPeriod,
                  QbftOptions.DEFAULT_EPOCH_LENGTH,
                  QbftOptions.DEFAULT_REQUEST_TIMEOUT_SECONDS,
                  true),
              gasLimit,
              Instant.now().getEpochSecond(),
              validatorAddresses,
              alloc,
              accounts,
              validatorAddresses,
              Map.of(admin.address(), INITIAL_ADMIN_TOKENS),
              Map.of());
      write(out.resolve("genesis.json"), new GenesisWriter().write(spec));
      System.out.printf(
          "Wrote a %d-validator network (chain id %d) to %s%n", validators, chainId, out);
      for (int i = 0; i < validators; i++) {
        System.out.printf(
            "  validator %d  %s  run: ailedger node @%s%n",
            i, validatorAddresses.get(i), out.resolve("validator-" + i).resolve("node.args"));
      }
      System.out.printf("  admin        %s  key: %s%n", admin.address(), out.resolve("admin.key"));
      return 0;
    }

    private void writeArgs(Path dir, int index) {
      String args =
          String.join(
                  "\n",
                  "--data-dir=" + dir.resolve("data").toAbsolutePath(),
                  "--genesis-file=" + out.resolve("genesis.json").toAbsolutePath(),
                  "--node-key-file=" + dir.resolve("key").toAbsolutePath(),
                  "--rpc-http-port=" + (8545 + 10 * index),
                  "--rpc-ws-port=" + (8546 + 10 * index),
                  "--metrics-port=" + (9545 + 10 * index))
              + "\n";
      write(dir.resolve("node.args"), args);
    }

    private static void requireEmpty(Path dir) {
      if (Files.exists(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new IllegalArgumentException(
                dir + " is not empty; refusing to overwrite a network");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    private static void write(Path file, String text) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
  }

  @Command(
      name = "devnet",
      mixinStandardHelpOptions = true,
      description =
          "Prints (or writes) the devnet genesis that `ailedger devnet` uses; genesis/devnet/genesis.json is its output.")
  static final class Devnet implements Callable<Integer> {
    @Option(names = "--out", description = "File to write instead of standard output.")
    Path out;

    @Override
    public Integer call() {
      String genesis = new GenesisWriter().write(DevnetGenesis.spec(DevnetCommand.VALIDATORS));
      if (out == null) {
        System.out.print(genesis);
      } else {
        New.write(out, genesis);
      }
      return 0;
    }
  }
}

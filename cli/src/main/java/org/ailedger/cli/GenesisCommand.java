package org.ailedger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.p2p.peers.PeersConfig;
import org.ailedger.node.p2p.peers.StaticNodesFile;
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
        names = "--p2p-hosts",
        split = ",",
        paramLabel = "HOST",
        description =
            "Host each validator is reached at by the others, comma separated, one per validator"
                + " (default: 127.0.0.1 for all; e.g. validator-0,validator-1,... for docker"
                + " compose).")
    List<String> p2pHosts;

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
      List<String> hosts =
          p2pHosts == null ? Collections.nCopies(validators, "127.0.0.1") : p2pHosts;
      if (hosts.size() != validators) {
        throw new IllegalArgumentException(
            "--p2p-hosts names "
                + hosts.size()
                + " hosts for "
                + validators
                + " validators; give one per validator");
      }
      requireEmpty(out);
      List<Address> validatorAddresses = new ArrayList<>();
      List<EnodeUrl> enodes = new ArrayList<>();
      for (int i = 0; i < validators; i++) {
        KeyPair key = KeysCommand.newKey();
        KeyFile.write(out.resolve(validatorDir(i)).resolve("key"), key);
        validatorAddresses.add(key.address());
        enodes.add(new EnodeUrl(key.publicKey(), hosts.get(i), p2pPort(i)));
      }
      StaticNodesFile.writeFullMesh(
          enodes, i -> out.resolve(validatorDir(i)).resolve(StaticNodesFile.DEFAULT_NAME));
      for (int i = 0; i < validators; i++) {
        writeArgs(i, hosts.get(i));
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
              QbftOptions.defaults(blockPeriod),
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
      System.out.printf("Start each validator from %s:%n", out);
      for (int i = 0; i < validators; i++) {
        System.out.printf(
            "  validator %d  %s  ailedger node @%s%n    %s%n",
            i, validatorAddresses.get(i), validatorDir(i).resolve("node.args"), enodes.get(i));
      }
      System.out.printf("  admin        %s  key: %s%n", admin.address(), out.resolve("admin.key"));
      return 0;
    }

    /** Relative to the network directory, so the files work wherever they are copied. */
    static Path validatorDir(int index) {
      return Path.of("validator-" + index);
    }

    static int p2pPort(int index) {
      return PeersConfig.DEFAULT_PORT + index;
    }

    // paths relative to the network directory: the operator (or a container) runs the node
    // from there, on whatever host the files were copied to
    private void writeArgs(int index, String host) {
      Path dir = validatorDir(index);
      String args =
          String.join(
                  "\n",
                  "--data-dir=" + dir.resolve("data"),
                  "--genesis-file=genesis.json",
                  "--node-key-file=" + dir.resolve("key"),
                  "--rpc-http-port=" + (8545 + 10 * index),
                  "--rpc-ws-port=" + (8546 + 10 * index),
                  "--metrics-port=" + (9545 + 10 * index),
                  "--p2p-host=" + host,
                  "--p2p-port=" + p2pPort(index),
                  "--static-nodes-file=" + dir.resolve(StaticNodesFile.DEFAULT_NAME))
              + "\n";
      write(out.resolve(dir).resolve("node.args"), args);
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
      String genesis = new GenesisWriter().write(DevnetGenesis.spec());
      if (out == null) {
        System.out.print(genesis);
      } else {
        New.write(out, genesis);
      }
      return 0;
    }
  }
}

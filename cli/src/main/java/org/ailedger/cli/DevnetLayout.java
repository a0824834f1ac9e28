package org.ailedger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisParser;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.p2p.peers.EnodeUrl;
import org.ailedger.node.p2p.peers.StaticNodesFile;

/**
 * The files of a devnet directory: {@code genesis.json}, and per validator {@code validator-i/}
 * with its {@code key}, {@code static-nodes.json}, database under {@code data/} and {@code
 * node.log}.
 */
final class DevnetLayout {
  static final int VALIDATORS = DevnetGenesis.VALIDATORS;

  /** Validators meet each other on the loopback interface: the devnet is one machine's. */
  static final String P2P_HOST = "127.0.0.1";

  private final Path dir;

  DevnetLayout(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  Path dir() {
    return dir;
  }

  Path genesisFile() {
    return dir.resolve("genesis.json");
  }

  Path validatorDir(int validator) {
    return dir.resolve("validator-" + validator);
  }

  Path keyFile(int validator) {
    return validatorDir(validator).resolve("key");
  }

  Path dataDir(int validator) {
    return validatorDir(validator).resolve("data");
  }

  Path staticNodesFile(int validator) {
    return validatorDir(validator).resolve(StaticNodesFile.DEFAULT_NAME);
  }

  Path logFile(int validator) {
    return validatorDir(validator).resolve("node.log");
  }

  /** The indexer's data directory: its SQLite store. */
  Path indexerDir() {
    return dir.resolve("indexer");
  }

  Path indexerLog() {
    return indexerDir().resolve("indexer.log");
  }

  /**
   * Present from the moment the demo starts seeding until it has all committed: a devnet stopped or
   * failed in between holds half a demo, which the next start cannot finish.
   */
  Path demoSeedingFile() {
    return dir.resolve("demo-seeding");
  }

  boolean demoInterrupted() {
    return Files.exists(demoSeedingFile());
  }

  void demoSeeding(boolean underWay) {
    try {
      if (underWay) {
        Files.writeString(
            demoSeedingFile(),
            "the demo was being seeded; it had not finished when this was left\n");
      } else {
        Files.deleteIfExists(demoSeedingFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark the demo in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the whole devnet directory, chain and all. */
  void delete() {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes what is missing — the genesis and the validators' keys — and the static peers for this
   * start's ports. Returns true when the devnet is new, its genesis written just now.
   *
   * @throws IllegalStateException when the directory holds another genesis, such as the
   *     one-validator devnet of earlier versions, which these validators cannot continue
   */
  boolean prepare(DevnetPorts ports) {
    String genesis = new GenesisWriter().write(DevnetGenesis.spec());
    boolean fresh = !Files.exists(genesisFile());
    try {
      if (fresh) {
        Files.createDirectories(dir);
        Files.writeString(genesisFile(), genesis);
      } else {
        requireSameGenesis(genesis);
      }
      Files.createDirectories(indexerDir());
      for (int i = 0; i < VALIDATORS; i++) {
        Files.createDirectories(validatorDir(i));
        if (!Files.exists(keyFile(i))) {
          KeyFile.write(keyFile(i), DevAccounts.validator(i));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
    }
    // rewritten on every start: the p2p ports may differ from the last one's
    List<EnodeUrl> enodes = new ArrayList<>();
    for (int i = 0; i < VALIDATORS; i++) {
      enodes.add(new EnodeUrl(DevAccounts.validator(i).publicKey(), P2P_HOST, ports.p2p(i)));
    }
    StaticNodesFile.writeFullMesh(enodes, this::staticNodesFile);
    return fresh;
  }

  private void requireSameGenesis(String expected) throws IOException {
    String found = Files.readString(genesisFile());
    if (found.equals(expected)) {
      return;
    }
    int validators;
    try {
      validators = new GenesisParser().parse(found).validators().size();
    } catch (RuntimeException e) {
      validators = -1;
    }
    String what =
        validators > 0 && validators != VALIDATORS
            ? "a devnet of "
                + validators
                + (validators == 1 ? " validator" : " validators")
                + ", made by an earlier ailedger; this one runs "
                + VALIDATORS
                + " validators, each its own process"
            : "a genesis.json that is not this ailedger's devnet genesis";
    throw new IllegalStateException(
        dir
            + " holds "
            + what
            + ". Start a new devnet with `ailedger devnet --reset` (this deletes "
            + dir
            + " and its chain), or pick another directory with --data-dir");
  }
}

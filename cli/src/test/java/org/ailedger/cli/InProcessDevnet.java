package org.ailedger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ailedger.node.app.LedgerNode;
import org.ailedger.node.app.NodeConfig;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.p2p.peers.PeersConfig;
import picocli.CommandLine;

/**
 * A one-validator devnet node running in this JVM on free ports, and the {@code ailedger} CLI run
 * in-process against it, its output captured.
 */
public final class InProcessDevnet implements AutoCloseable {
  private final LedgerNode node;

  public InProcessDevnet(Path dir) {
    try {
      Path genesis = Files.createDirectories(dir).resolve("genesis.json");
      Files.writeString(genesis, new GenesisWriter().write(DevnetGenesis.spec(1)));
      Path key = dir.resolve("validator-0").resolve("key");
      KeyFile.write(key, DevAccounts.validator(0));
      node =
          new LedgerNode(
              new NodeConfig(
                  dir.resolve("data"),
                  genesis,
                  Optional.of(key),
                  "127.0.0.1",
                  0,
                  0,
                  0,
                  List.of("*"),
                  false,
                  "cli-test",
                  NodeConfig.DEFAULT_BLOCK_TXS_SELECTION_PERCENT,
                  PeersConfig.disabled(),
                  0),
              Clock.systemUTC());
      node.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + node.httpPort();
  }

  /** Runs {@code ailedger args… --rpc URL}. */
  public Result run(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--rpc=" + rpcUrl());
    return offline(all.toArray(String[]::new));
  }

  /** Runs {@code ailedger args…} without pointing it at the node. */
  public static Result offline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new AiLedger())
            .setExecutionExceptionHandler(new CliExceptionHandler())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Result(String.join(" ", args), exit, out.toString(), err.toString());
  }

  /** Runs commands at the same time (from different accounts, so their nonces never clash). */
  public List<Result> parallel(String[]... commands) {
    List<CompletableFuture<Result>> running =
        Arrays.stream(commands)
            .map(args -> CompletableFuture.supplyAsync(() -> run(args)))
            .toList();
    return running.stream().map(CompletableFuture::join).toList();
  }

  @Override
  public void close() {
    node.close();
  }

  /** What one command did. */
  public record Result(String command, int exit, String out, String err) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The --json output; fails with the command's stderr if it did not succeed. */
    public JsonNode json() {
      if (exit != 0) {
        throw new AssertionError("'" + command + "' exited " + exit + ": " + err + out);
      }
      try {
        return MAPPER.readTree(out);
      } catch (JsonProcessingException e) {
        throw new AssertionError("'" + command + "' printed no JSON: " + out, e);
      }
    }

    /** Asserts success and returns itself. */
    public Result ok() {
      if (exit != 0) {
        throw new AssertionError("'" + command + "' exited " + exit + ": " + err + out);
      }
      return this;
    }
  }
}

package org.ailedger.cli.client;

import java.nio.file.Path;
import java.util.Optional;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.crypto.KeyPair;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every ledger command shares: where the node is, who signs, and how to print. */
public final class LedgerOptions {
  public static final String DEFAULT_RPC = "http://127.0.0.1:8545";

  @Option(
      names = "--rpc",
      paramLabel = "URL",
      defaultValue = DEFAULT_RPC,
      description = "JSON-RPC endpoint of a node (default: ${DEFAULT-VALUE}).")
  String rpc;

  @Option(
      names = "--key",
      paramLabel = "HEX|dev:N",
      converter = Accounts.KeyConverter.class,
      description = {
        "Private key that signs: 64 hex digits, or dev:N for devnet account N (devnet only).",
        "Prefer --key-file elsewhere: a key on the command line shows in the process list."
      })
  KeyPair key;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description = "File holding the signing key as hex (see 'ailedger keys new').")
  Path keyFile;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The signing key from {@code --key} or {@code --key-file}, if either was given. */
  public Optional<KeyPair> key() {
    if (key != null && keyFile != null) {
      throw new CommandLine.ParameterException(
          mixee.commandLine(), "--key and --key-file are mutually exclusive: give one");
    }
    if (keyFile != null) {
      try {
        return Optional.of(KeyFile.read(keyFile));
      } catch (RuntimeException e) {
        throw new ClientException(e.getMessage());
      }
    }
    return Optional.ofNullable(key);
  }

  /** Connects to {@code --rpc} with the signing key, if any. */
  public LedgerClient connect() {
    Optional<KeyPair> signer = key();
    return LedgerClient.connect(rpc, signer);
  }

  public boolean json() {
    return json;
  }

  /** Where this command prints its result. */
  public Output output() {
    return new Output(mixee.commandLine().getOut(), json);
  }
}

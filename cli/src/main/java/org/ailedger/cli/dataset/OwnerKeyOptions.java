package org.ailedger.cli.dataset;

import java.nio.file.Path;
import java.util.Optional;
import org.ailedger.cli.client.Accounts;
import org.ailedger.cli.client.ClientException;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.crypto.KeyPair;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The dataset owner's key, for signing an EIP-712 attestation on this machine. */
final class OwnerKeyOptions {
  @Option(
      names = "--owner-key",
      paramLabel = "HEX|dev:N",
      converter = Accounts.KeyConverter.class,
      description =
          "The owner's private key (or dev:N on the devnet); signs the attestation locally.")
  KeyPair ownerKey;

  @Option(
      names = "--owner-key-file",
      paramLabel = "FILE",
      description = "File holding the owner's key as hex.")
  Path ownerKeyFile;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  Optional<KeyPair> key() {
    if (ownerKey != null && ownerKeyFile != null) {
      throw new CommandLine.ParameterException(
          mixee.commandLine(), "--owner-key and --owner-key-file are mutually exclusive: give one");
    }
    if (ownerKeyFile != null) {
      try {
        return Optional.of(KeyFile.read(ownerKeyFile));
      } catch (RuntimeException e) {
        throw new ClientException(e.getMessage());
      }
    }
    return Optional.ofNullable(ownerKey);
  }
}

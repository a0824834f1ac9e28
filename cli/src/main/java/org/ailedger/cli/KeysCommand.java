package org.ailedger.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.crypto.KeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Creates and inspects secp256k1 keys.",
    subcommands = {KeysCommand.New.class, KeysCommand.Address.class})
final class KeysCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = "Writes a new random key file and prints its address.")
  static final class New implements Callable<Integer> {
    @Option(
        names = "--out",
        required = true,
        description = "Key file to create (never overwritten).")
    Path out;

    @Override
    public Integer call() {
      KeyPair key = newKey();
      KeyFile.write(out, key);
      System.out.println(key.address().toHexString());
      return 0;
    }
  }

  @Command(
      name = "address",
      mixinStandardHelpOptions = true,
      description = "Prints the address of a key file.")
  static final class Address implements Callable<Integer> {
    @Option(names = "--key-file", required = true)
    Path keyFile;

    @Override
    public Integer call() {
      System.out.println(KeyFile.read(keyFile).address().toHexString());
      return 0;
    }
  }

  static KeyPair newKey() {
    return KeyPair.generate(new SecureRandom());
  }
}

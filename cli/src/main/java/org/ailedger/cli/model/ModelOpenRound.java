package org.ailedger.cli.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.FileHashes;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TokenAmount;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.precompiles.NativeAddresses;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "open-round",
    mixinStandardHelpOptions = true,
    description =
        "Opens the model's next training round (the signer must be the model's aggregator).")
final class ModelOpenRound implements Callable<Integer> {
  /** About five minutes of 1 s blocks. */
  static final long DEFAULT_OPEN_FOR = 300;

  @Mixin LedgerOptions ledger;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "ID",
      converter = LedgerId.Converter.class,
      description = "The model: 0x and 64 hex digits, or the name it was registered under.")
  LedgerId model;

  @Option(
      names = "--round",
      paramLabel = "N",
      description = "Round number (default: the model's latest round + 1).")
  Long round;

  @Option(
      names = "--base-model-file",
      paramLabel = "FILE",
      description = "Weights contributors start from; hashed with keccak256.")
  Path baseModelFile;

  @Option(
      names = "--base-model-hash",
      paramLabel = "0x…",
      converter = LedgerId.HashConverter.class,
      description = "keccak256 of those weights, if already known.")
  Bytes32 baseModelHash;

  @Option(
      names = "--reward",
      required = true,
      paramLabel = "TOKENS",
      converter = TokenAmount.Converter.class,
      description =
          "Reward pool in tokens (e.g. 100 or 12.5), minted to accepted contributors at finalization.")
  TokenAmount reward;

  @Option(
      names = "--deadline-block",
      paramLabel = "N",
      description = "Last block that accepts updates.")
  Long deadlineBlock;

  @Option(
      names = "--open-for",
      paramLabel = "BLOCKS",
      description =
          "Accept updates for this many blocks from now (default: " + DEFAULT_OPEN_FOR + ").")
  Long openFor;

  @Override
  public Integer call() {
    Bytes32 baseHash = FileHashes.required(spec, "base-model", baseModelFile, baseModelHash);
    if (deadlineBlock != null && openFor != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--deadline-block and --open-for are mutually exclusive: give one");
    }
    if (round != null && round < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "rounds are numbered from 1");
    }
    if (deadlineBlock != null && deadlineBlock < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--deadline-block must not be negative");
    }
    if (openFor != null && openFor < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--open-for must be at least 1 block");
    }
    try (LedgerClient client = ledger.connect()) {
      long number = round != null ? round : new ModelReader(client).model(model).latestRound() + 1;
      long deadline =
          deadlineBlock != null
              ? deadlineBlock
              : client.head() + (openFor != null ? openFor : DEFAULT_OPEN_FOR);
      String data =
          client
              .models()
              .openRound(
                  model.bytes(),
                  BigInteger.valueOf(number),
                  baseHash.toArray(),
                  reward.baseUnits(),
                  BigInteger.valueOf(deadline))
              .encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.MODEL_REGISTRY, data);
      ObjectNode result =
          model
              .describeAs(Output.object(), "modelId")
              .put("round", number)
              .put("baseModelHash", baseHash.toHexString())
              .put("rewardPool", reward.toString())
              .put("deadlineBlock", deadline);
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }
}

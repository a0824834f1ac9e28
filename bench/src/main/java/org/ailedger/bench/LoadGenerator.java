package org.ailedger.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.ailedger.bench.load.LoadReport;
import org.ailedger.bench.load.LoadRun;
import org.ailedger.bench.load.LoadRunException;
import org.ailedger.bench.load.LoadSettings;
import org.ailedger.bench.load.Workload;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Drives a devnet node with signed transactions from the load accounts and reports committed
 * throughput and latency. Runs for warm-up + duration + at most the drain time, then exits.
 */
@Command(
    name = "load-generator",
    mixinStandardHelpOptions = true,
    description = {
      "Sends pre-signed transactions from the devnet load accounts (10..137) to a local node over",
      "JSON-RPC and measures committed throughput (from block contents and timestamps) and",
      "submit -> receipt latency."
    })
public final class LoadGenerator implements Callable<Integer> {
  @Option(
      names = "--rpc",
      defaultValue = "http://127.0.0.1:8545",
      description = "JSON-RPC HTTP endpoint on this machine (default: ${DEFAULT-VALUE}).")
  URI rpc;

  @Option(
      names = "--senders",
      defaultValue = "64",
      description = "Sending accounts, at most 128 (default: ${DEFAULT-VALUE}).")
  int senders;

  @Option(
      names = "--duration",
      defaultValue = "30",
      description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  long durationSeconds;

  @Option(
      names = "--warmup",
      defaultValue = "5",
      description = "Seconds under load before measuring (default: ${DEFAULT-VALUE}).")
  long warmupSeconds;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description =
          "Target tx/s over all senders; 0 = as fast as the window allows (default:"
              + " ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--window",
      defaultValue = "64",
      description =
          "Most uncommitted transactions per sender, at most 256 (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--batch",
      defaultValue = "1",
      description =
          "Transactions per HTTP request as a JSON-RPC batch; 1 = single calls (default:"
              + " ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--max-tx",
      defaultValue = "120000",
      description = "Most transactions signed for the run (default: ${DEFAULT-VALUE}).")
  int maxTransactions;

  @Option(
      names = "--receipts-per-block",
      defaultValue = "5",
      description =
          "Receipts fetched per block in one batch, to time submit -> receipt (0-1000,"
              + " default: ${DEFAULT-VALUE}).")
  int receiptsPerBlock;

  @Option(
      names = "--drain",
      defaultValue = "15",
      description =
          "Seconds to wait after the window for submitted transactions to commit (default:"
              + " ${DEFAULT-VALUE}).")
  long drainSeconds;

  @Option(
      names = "--workload",
      defaultValue = "transfer",
      description =
          "transfer (0-value transfer), permission-check (Permissions.isAccountAllowed as a"
              + " transaction) or submit-update (ModelRegistry.submitUpdate; first registers one"
              + " model per transaction of a sender and opens its round; on anvil, told by"
              + " web3_clientVersion, it first deploys the Solidity versions of the contracts);"
              + " default:"
              + " ${DEFAULT-VALUE}.",
      converter = WorkloadConverter.class)
  Workload workload;

  @Option(
      names = "--node-pid",
      description = "Process id of the node, to report its CPU time during the window.")
  Long nodePid;

  @Option(
      names = "--cpu-split-pids",
      split = ",",
      description =
          "Process ids whose CPU time in the window to report by thread (Linux), e.g. every"
              + " validator's.")
  List<Long> splitPids = List.of();

  @Override
  public Integer call() throws InterruptedException {
    LoadSettings settings;
    try {
      settings =
          new LoadSettings(
              rpc,
              senders,
              Duration.ofSeconds(warmupSeconds),
              Duration.ofSeconds(durationSeconds),
              rate,
              window,
              batch,
              maxTransactions,
              receiptsPerBlock,
              Duration.ofSeconds(drainSeconds),
              workload);
    } catch (IllegalArgumentException e) {
      System.err.println("load-generator: " + e.getMessage());
      return 2;
    }
    try {
      LoadReport report =
          new LoadRun(
                  settings,
                  nodePid == null ? OptionalLong.empty() : OptionalLong.of(nodePid),
                  splitPids)
              .execute();
      report.print(System.out);
      return report.submits().sendersStopped() == 0 ? 0 : 1;
    } catch (LoadRunException e) {
      System.err.println("load-generator: " + e.getMessage());
      return 1;
    }
  }

  /** Accepts the workload names in lower case with dashes, as the help text shows them. */
  static final class WorkloadConverter implements CommandLine.ITypeConverter<Workload> {
    @Override
    public Workload convert(String value) {
      try {
        return Workload.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "unknown workload '"
                + value
                + "'; use "
                + java.util.Arrays.stream(Workload.values())
                    .map(Workload::optionName)
                    .collect(java.util.stream.Collectors.joining(", ")));
      }
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadGenerator()).execute(args));
  }
}

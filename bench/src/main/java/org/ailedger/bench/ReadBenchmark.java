package org.ailedger.bench;

import java.net.URI;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.ailedger.bench.reads.ReadCall;
import org.ailedger.bench.reads.ReadRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures one JSON-RPC read on a server that has just started: the first requests (cold), then
 * after a warm-up the same number again (warm), each with its rate, latencies and the server's CPU
 * per request. bench/run-reads starts a fresh node (and anvil) per call and runs this against each.
 */
@Command(
    name = "read-benchmark",
    mixinStandardHelpOptions = true,
    description = {
      "Sends one read call from several keep-alive connections and reports the cold phase (the",
      "first requests), then after a warm-up the warm phase: req/s, p50/p99, server CPU per request."
    })
public final class ReadBenchmark implements Callable<Integer> {
  @Option(names = "--rpc", required = true, description = "JSON-RPC HTTP endpoint.")
  URI rpc;

  @Option(
      names = "--call",
      required = true,
      description = "One of: block-number, balance, block.",
      converter = CallConverter.class)
  ReadCall call;

  @Option(names = "--server-pid", description = "Process id of the server, for its CPU time.")
  Long serverPid;

  @Option(
      names = "--in-flight",
      defaultValue = "16",
      description = "Connections, each with one request in flight (default: ${DEFAULT-VALUE}).")
  int inFlight;

  @Option(
      names = "--requests",
      defaultValue = "20000",
      description = "Requests in the cold and in the warm phase (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--warmup",
      defaultValue = "40000",
      description = "Unmeasured requests between the two phases (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--label", defaultValue = "server", description = "Name printed on each line.")
  String label;

  @Override
  public Integer call() throws Exception {
    if (inFlight < 1 || requests < 1 || warmup < 0) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--in-flight and --requests must be positive, --warmup >= 0");
    }
    new ReadRun(
            rpc,
            call,
            inFlight,
            serverPid == null ? OptionalLong.empty() : OptionalLong.of(serverPid),
            System.out)
        .run(label, requests, warmup);
    return 0;
  }

  /** Accepts the call names in lower case with dashes, as the help text shows them. */
  static final class CallConverter implements CommandLine.ITypeConverter<ReadCall> {
    @Override
    public ReadCall convert(String value) {
      return ReadCall.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReadBenchmark()).execute(args));
  }
}

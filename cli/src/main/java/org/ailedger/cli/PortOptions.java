package org.ailedger.cli;

import picocli.CommandLine.Option;

/** The listening ports of a node, shared by {@code node} and {@code devnet}. */
final class PortOptions {
  @Option(
      names = "--rpc-http-port",
      defaultValue = "8545",
      description = "JSON-RPC over HTTP (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--rpc-ws-port",
      defaultValue = "8546",
      description = "JSON-RPC over WebSocket (default: ${DEFAULT-VALUE}).")
  int wsPort;

  @Option(
      names = "--metrics-port",
      defaultValue = "9545",
      description = "Prometheus metrics (default: ${DEFAULT-VALUE}).")
  int metricsPort;
}

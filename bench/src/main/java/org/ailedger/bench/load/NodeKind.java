package org.ailedger.bench.load;

import java.util.Locale;

/**
 * Which node the load goes to, told by {@code web3_clientVersion}: ours has the native contracts at
 * 0x…1000–0x…1004; anvil (Foundry's development node) gets their Solidity versions deployed before
 * a submit-update run.
 */
enum NodeKind {
  AI_LEDGER,
  ANVIL;

  static NodeKind of(String clientVersion) {
    return clientVersion.toLowerCase(Locale.ROOT).startsWith("anvil") ? ANVIL : AI_LEDGER;
  }

  static NodeKind detect(JsonRpcClient client) {
    return switch (client.call("web3_clientVersion")) {
      case RpcOutcome.Success s -> of(s.result().asText());
      case RpcOutcome.Failure f ->
          throw new LoadRunException("web3_clientVersion failed: " + f.message());
      case RpcOutcome.Unreachable u ->
          throw new LoadRunException("the node did not answer web3_clientVersion: " + u.why());
    };
  }
}

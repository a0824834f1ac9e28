package org.ailedger.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ports of the devnet's validators (DESIGN §6): validator {@code i} serves JSON-RPC over HTTP
 * on {@code http + 10·i}, WebSocket on {@code ws + 10·i}, metrics on {@code metrics + 10·i} and p2p
 * on {@code p2p + i}; the bases are validator 0's.
 */
record DevnetPorts(int http, int ws, int metrics, int p2p, int validators) {
  /**
   * Validator {@code i}'s JSON-RPC and metrics ports are this far above validator {@code i-1}'s.
   */
  static final int RPC_STRIDE = 10;

  DevnetPorts {
    if (validators < 1) {
      throw new IllegalArgumentException("a devnet has at least one validator, not " + validators);
    }
    int rpcSpan = RPC_STRIDE * (validators - 1);
    check("--rpc-http-port", http, rpcSpan);
    check("--rpc-ws-port", ws, rpcSpan);
    check("--metrics-port", metrics, rpcSpan);
    check("--p2p-port", p2p, validators - 1);
    Set<Integer> all = new HashSet<>();
    for (int i = 0; i < validators; i++) {
      // the fields are not assigned yet in a compact constructor: use the parameters
      int offset = RPC_STRIDE * i;
      all.addAll(List.of(http + offset, ws + offset, metrics + offset, p2p + i));
    }
    if (all.size() != 4 * validators) {
      throw new IllegalArgumentException(
          "the devnet's ports overlap: validator i uses --rpc-http-port, --rpc-ws-port and"
              + " --metrics-port plus 10·i, and --p2p-port plus i");
    }
  }

  int http(int validator) {
    return http + RPC_STRIDE * validator;
  }

  int ws(int validator) {
    return ws + RPC_STRIDE * validator;
  }

  int metrics(int validator) {
    return metrics + RPC_STRIDE * validator;
  }

  int p2p(int validator) {
    return p2p + validator;
  }

  /** Whether any validator listens on {@code port}. */
  boolean uses(int port) {
    for (int i = 0; i < validators; i++) {
      if (port == http(i) || port == ws(i) || port == metrics(i) || port == p2p(i)) {
        return true;
      }
    }
    return false;
  }

  // port 0 (any free port) cannot work: each validator must know where the others listen
  private static void check(String option, int base, int span) {
    if (base < 1 || base + span > 65_535) {
      throw new IllegalArgumentException(
          option
              + " must be 1.."
              + (65_535 - span)
              + ", not "
              + base
              + ": it is validator 0's port, and the other validators' lie above it");
    }
  }
}

package org.ailedger.node.rpc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.ChainReader;

/**
 * The read calls a just-started node runs through itself before it opens its JSON-RPC port: what
 * wallets and SDKs send first and most (head, chain id, balances, nonces, blocks, code, receipts, a
 * contract view), with values from the node's own chain. Reads only: the chain and the pool are the
 * same afterwards.
 */
public final class WarmupCalls {
  private static final String TOKEN = "0x0000000000000000000000000000000000001003";
  private static final String PERMISSIONS = "0x0000000000000000000000000000000000001000";
  private static final String BALANCE_OF = "0x70a08231";
  private static final String UNKNOWN_HASH =
      "0x0000000000000000000000000000000000000000000000000000000000000000";

  private WarmupCalls() {}

  /** One JSON-RPC request body per call, in the order to send them round-robin. */
  public static List<byte[]> bodies(ChainReader chain) {
    BlockHeader head = chain.head();
    String account = head.coinbase().toHexString();
    String number = "0x" + Long.toHexString(head.number());
    String word = "000000000000000000000000" + account.substring(2);
    return List.of(
        body("eth_blockNumber", "[]"),
        body("eth_chainId", "[]"),
        body("eth_getBalance", "[\"" + account + "\",\"latest\"]"),
        body("eth_getBlockByNumber", "[\"latest\",false]"),
        body("eth_getTransactionCount", "[\"" + account + "\",\"latest\"]"),
        body("eth_getBalance", "[\"" + account + "\",\"" + number + "\"]"),
        body("eth_getBlockByNumber", "[\"" + number + "\",false]"),
        body("eth_gasPrice", "[]"),
        body("net_version", "[]"),
        body("eth_getCode", "[\"" + PERMISSIONS + "\",\"latest\"]"),
        body("eth_getTransactionReceipt", "[\"" + UNKNOWN_HASH + "\"]"),
        body(
            "eth_call",
            "[{\"to\":\"" + TOKEN + "\",\"data\":\"" + BALANCE_OF + word + "\"},\"latest\"]"));
  }

  private static byte[] body(String method, String params) {
    return ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":"
            + params
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}

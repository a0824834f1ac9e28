package org.ailedger.node.rpc;

/**
 * Every error a JSON-RPC client can receive from this node, with its code and the fixed phrase the
 * message starts with. The codes follow JSON-RPC 2.0 for protocol errors and geth for Ethereum
 * errors (transaction rejections are {@code -32000}, a revert is {@code 3} with the revert bytes as
 * {@code data}), so ethers, web3j, viem and cast classify them unchanged; the limit error uses
 * {@code -32005} as Besu and the common hosted providers do for an over-wide log query. Several
 * constants share a code on purpose: clients match on the phrase, the constant tells a reader of
 * this code which situation produced it.
 */
public enum RpcError {
  PARSE_ERROR(-32700, "Parse error"),
  INVALID_REQUEST(-32600, "Invalid request"),
  METHOD_NOT_FOUND(-32601, "Method not found"),
  /** eth_subscribe/eth_unsubscribe over HTTP; geth answers the same code and phrase. */
  NOTIFICATIONS_UNSUPPORTED(-32601, "notifications not supported"),
  INVALID_PARAMS(-32602, "Invalid params"),
  INTERNAL_ERROR(-32603, "Internal error"),

  /** eth_call/eth_estimateGas hit a revert; {@code data} carries the revert bytes. */
  EXECUTION_REVERTED(3, "execution reverted"),
  /** eth_call/eth_estimateGas stopped EVM code exceptionally: out of gas, invalid opcode, … */
  EXECUTION_HALTED(-32000, "execution halted"),
  /** A state query named a block this node does not have. */
  HEADER_NOT_FOUND(-32000, "header not found"),
  /** eth_getLogs named a block hash this node does not have. */
  UNKNOWN_BLOCK(-32000, "unknown block"),
  FILTER_NOT_FOUND(-32000, "filter not found"),
  SUBSCRIPTION_NOT_FOUND(-32000, "subscription not found"),
  /** A named bound was hit: log block range, installed filters, subscriptions, queued requests. */
  LIMIT_EXCEEDED(-32005, "limit exceeded"),

  /** admin_addPeer/admin_removePeer on a node whose p2p layer is off. */
  P2P_DISABLED(-32000, "P2P has been disabled. This functionality is not available"),
  PEER_NOT_PERMITTED(-32000, "Cannot add a non-permitted node as a peer"),
  CANT_CONNECT_TO_LOCAL_PEER(-32000, "Cannot add local node as peer."),

  TX_MALFORMED(-32000, "malformed transaction"),
  TX_OVERSIZED(-32000, "oversized data"),
  TX_TYPE_NOT_SUPPORTED(-32000, "transaction type not supported"),
  TX_INVALID_CHAIN_ID(-32000, "invalid chain id"),
  TX_REPLAY_UNPROTECTED(-32000, "only replay-protected (EIP-155) transactions allowed over RPC"),
  TX_INVALID_SIGNATURE(-32000, "invalid signature"),
  /** A creation or a call into code where the genesis enables no EVM (yet). */
  TX_EVM_NOT_ENABLED(-32000, "EVM not enabled"),
  TX_INIT_CODE_TOO_LARGE(-32000, "max initcode size exceeded"),
  TX_SENDER_NOT_EOA(-32000, "sender not an eoa"),
  TX_INTRINSIC_GAS_TOO_LOW(-32000, "intrinsic gas too low"),
  TX_EXCEEDS_BLOCK_GAS_LIMIT(-32000, "exceeds block gas limit"),
  TX_TIP_ABOVE_FEE_CAP(-32000, "max priority fee per gas higher than max fee per gas"),
  TX_FEE_CAP_BELOW_BASE_FEE(-32000, "max fee per gas less than block base fee"),
  TX_INSUFFICIENT_FUNDS(-32000, "insufficient funds for gas * price + value"),
  TX_NONCE_TOO_LOW(-32000, "nonce too low"),
  TX_NONCE_TOO_HIGH(-32000, "nonce too high"),
  TX_SENDER_NOT_PERMITTED(-32000, "sender not permitted"),
  TX_ALREADY_KNOWN(-32000, "already known"),
  TX_REPLACEMENT_UNDERPRICED(-32000, "replacement transaction underpriced"),
  TX_POOL_FULL(-32000, "txpool is full");

  private final int code;
  private final String phrase;

  RpcError(int code, String phrase) {
    this.code = code;
    this.phrase = phrase;
  }

  public int code() {
    return code;
  }

  /** The fixed phrase; a precise message either is it or starts with it. */
  public String phrase() {
    return phrase;
  }
}

package org.ailedger.node.rpc.qbft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.json.RpcJson;
import org.ailedger.node.rpc.params.BlockParameter;
import org.ailedger.node.rpc.params.RpcParams;
import org.ailedger.types.Address;

/**
 * qbft_getSignerMetrics([fromBlock], [toBlock]): how many blocks each validator proposed in {@code
 * [fromBlock, toBlock)} and the last one, as Besu answers it — the proposer of a QBFT block is its
 * coinbase; validators of the range's last block that proposed nothing are listed with zero. The
 * range defaults to the last 100 blocks; a {@code toBlock} beyond the head means the head.
 */
public final class QbftGetSignerMetrics implements RpcMethod {
  /** Besu's default look-back when no start block is given. */
  static final long DEFAULT_RANGE = 100;

  /** A bound on the headers one call reads, so a client cannot make the node walk the chain. */
  static final long MAX_RANGE = 10_000;

  private final ChainReader chain;

  public QbftGetSignerMetrics(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "qbft_getSignerMetrics";
  }

  private record Metric(long proposed, long lastProposed) {}

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(2);
    long head = chain.head().number();
    long from =
        params.has(0) && !params.required(0, "fromBlock").isNull()
            ? number(params, 0, "fromBlock", head)
            : Math.max(0, head - DEFAULT_RANGE);
    long to =
        params.has(1) && !params.required(1, "toBlock").isNull()
            ? Math.min(number(params, 1, "toBlock", head), head)
            : head;
    if (from >= to) {
      throw new RpcException(
          RpcError.INVALID_PARAMS,
          "fromBlock " + from + " must be below toBlock " + to + " (the range excludes toBlock)");
    }
    if (to - from > MAX_RANGE) {
      throw new RpcException(
          RpcError.LIMIT_EXCEEDED,
          "at most " + MAX_RANGE + " blocks per call, asked " + (to - from));
    }
    Map<Address, Metric> metrics = new TreeMap<>();
    for (long n = from; n < to; n++) {
      Optional<BlockHeader> header = chain.header(n);
      if (header.isEmpty()) {
        continue;
      }
      long number = n;
      metrics.merge(
          header.get().coinbase(),
          new Metric(1, number),
          (old, one) -> new Metric(old.proposed() + 1, number));
      if (n == to - 1) {
        header.get().qbftExtraData().validators().forEach(v -> metrics.putIfAbsent(v, null));
      }
    }
    ArrayNode result = RpcJson.array();
    metrics.forEach(
        (address, metric) -> {
          ObjectNode json = result.addObject();
          json.put("address", Hex.address(address));
          json.put("proposedBlockCount", Hex.quantity(metric == null ? 0 : metric.proposed()));
          json.put(
              "lastProposedBlockNumber", Hex.quantity(metric == null ? 0 : metric.lastProposed()));
        });
    return result;
  }

  private static long number(RpcParams params, int index, String name, long head) {
    BlockParameter block =
        BlockParameter.numberOrTag(params.required(index, name), RpcParams.where(index, name));
    return switch (block) {
      case BlockParameter.Number n -> n.number();
      case BlockParameter.Earliest e -> 0;
      case BlockParameter.Latest l -> head;
      case BlockParameter.Pending p -> head;
      case BlockParameter.Hash h ->
          throw new RpcException(RpcError.INVALID_PARAMS, name + " must be a number or a tag");
    };
  }
}

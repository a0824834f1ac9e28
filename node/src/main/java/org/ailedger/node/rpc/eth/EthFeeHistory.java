package org.ailedger.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ailedger.node.block.Block;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.block.TransactionReceipt;
import org.ailedger.node.chain.ChainReader;
import org.ailedger.node.rpc.RpcMethod;
import org.ailedger.node.rpc.RpcRequest;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.rpc.json.RpcJson;
import org.ailedger.node.rpc.params.HexParser;
import org.ailedger.node.rpc.params.RpcParams;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * eth_feeHistory(blockCount, newestBlock, rewardPercentiles): base fees, gas used ratios and, when
 * percentiles are given, the effective tips at those percentiles of each block's gas, as geth
 * computes them.
 */
public final class EthFeeHistory implements RpcMethod {
  /** geth's bound on blockCount; more is served as this many. */
  public static final int MAX_BLOCK_COUNT = 1024;

  public static final int MAX_PERCENTILES = 100;

  private final ChainReader chain;

  public EthFeeHistory(ChainReader chain) {
    this.chain = chain;
  }

  @Override
  public String name() {
    return "eth_feeHistory";
  }

  @Override
  public JsonNode execute(RpcRequest request) {
    RpcParams params = request.params().expectAtMost(3);
    long requested = blockCount(params.required(0, "blockCount"), RpcParams.where(0, "blockCount"));
    BlockHeader newest = params.blockNumberOrTag(1, "newestBlock").requireHeader(chain);
    List<Double> percentiles =
        params.has(2)
            ? percentiles(
                params.required(2, "rewardPercentiles"), RpcParams.where(2, "rewardPercentiles"))
            : List.of();

    long count = Math.min(Math.min(requested, MAX_BLOCK_COUNT), newest.number() + 1);
    long oldest = newest.number() - count + 1;
    ObjectNode result = RpcJson.object();
    result.put("oldestBlock", Hex.quantity(oldest));
    ArrayNode baseFees = result.putArray("baseFeePerGas");
    ArrayNode ratios = result.putArray("gasUsedRatio");
    ArrayNode rewards = percentiles.isEmpty() ? null : result.putArray("reward");
    for (long n = oldest; n <= newest.number(); n++) {
      long number = n;
      BlockHeader header =
          n == newest.number()
              ? newest
              : chain
                  .header(n)
                  .orElseThrow(
                      () -> new IllegalStateException("committed block " + number + " is missing"));
      baseFees.add(Hex.quantity(header.baseFee()));
      ratios.add(header.gasLimit() == 0 ? 0.0 : (double) header.gasUsed() / header.gasLimit());
      if (rewards != null) {
        ArrayNode row = rewards.addArray();
        tips(header, percentiles).forEach(t -> row.add(Hex.quantity(t)));
      }
    }
    UInt256 next =
        chain
            .header(newest.number() + 1)
            .map(BlockHeader::baseFee)
            .orElseGet(() -> NextBaseFee.after(newest));
    baseFees.add(Hex.quantity(next));
    return result;
  }

  /** The effective tip at each percentile of the block's gas used, transactions sorted by tip. */
  private List<UInt256> tips(BlockHeader header, List<Double> percentiles) {
    Block block =
        chain
            .block(header.hash())
            .orElseThrow(
                () ->
                    new IllegalStateException("body of block " + header.number() + " is missing"));
    List<TransactionReceipt> receipts = chain.receipts(header.hash());
    List<UInt256> result = new ArrayList<>();
    if (block.transactions().isEmpty() || receipts.size() != block.transactions().size()) {
      percentiles.forEach(p -> result.add(UInt256.ZERO));
      return result;
    }
    record Spend(UInt256 tip, long gasUsed) {}
    List<Spend> spends = new ArrayList<>();
    long previous = 0;
    for (int i = 0; i < receipts.size(); i++) {
      long cumulative = receipts.get(i).cumulativeGasUsed();
      UInt256 tip =
          block
              .transactions()
              .get(i)
              .effectiveGasPrice(header.baseFee())
              .subtract(header.baseFee());
      spends.add(new Spend(tip, cumulative - previous));
      previous = cumulative;
    }
    spends.sort(Comparator.comparing(Spend::tip));
    int index = 0;
    long sum = spends.get(0).gasUsed();
    for (double p : percentiles) {
      long threshold = (long) (header.gasUsed() * p / 100);
      while (sum < threshold && index < spends.size() - 1) {
        index++;
        sum += spends.get(index).gasUsed();
      }
      result.add(spends.get(index).tip());
    }
    return result;
  }

  /** A QUANTITY, or a plain JSON integer as geth also accepts; 1 or more. */
  private static long blockCount(JsonNode node, String where) {
    long count;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      count = node.longValue();
    } else {
      count = HexParser.quantityLong(node, where);
    }
    if (count < 1) {
      throw HexParser.invalid(where, "blockCount must be at least 1, got " + count);
    }
    return count;
  }

  private static List<Double> percentiles(JsonNode node, String where) {
    if (!node.isArray()) {
      throw HexParser.invalid(where, "want an array of numbers, got " + HexParser.describe(node));
    }
    if (node.size() > MAX_PERCENTILES) {
      throw HexParser.invalid(
          where, "at most " + MAX_PERCENTILES + " percentiles, got " + node.size());
    }
    List<Double> values = new ArrayList<>();
    double last = -1;
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isNumber()) {
        throw HexParser.invalid(where, "item " + i + " is not a number");
      }
      double value = new BigDecimal(item.asText()).doubleValue();
      if (value < 0 || value > 100) {
        throw HexParser.invalid(where, "item " + i + " is " + item.asText() + ", outside [0, 100]");
      }
      if (value < last) {
        throw HexParser.invalid(
            where,
            "percentiles must not decrease: item "
                + i
                + " is "
                + item.asText()
                + " after "
                + node.get(i - 1).asText());
      }
      values.add(value);
      last = value;
    }
    return values;
  }
}

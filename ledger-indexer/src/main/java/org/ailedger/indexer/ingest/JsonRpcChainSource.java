package org.ailedger.indexer.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.indexer.event.EthAddress;
import org.ailedger.indexer.event.LogPosition;
import org.ailedger.indexer.event.RawLog;
import org.ailedger.indexer.store.Block;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The node over standard Ethereum JSON-RPC, so the indexer follows our node or any other client
 * hosting the contracts. Answers that do not parse are {@link NodeException}s, like a dead node.
 */
public final class JsonRpcChainSource implements ChainSource {
  /** Headers per batch request, below the node's default batch limit of 1024. */
  static final int HEADERS_PER_BATCH = 500;

  private final JsonRpcClient rpc;

  public JsonRpcChainSource(JsonRpcClient rpc) {
    this.rpc = rpc;
  }

  @Override
  public long chainId() throws NodeException {
    return quantity(rpc.call("eth_chainId"), "eth_chainId").longValueExact();
  }

  @Override
  public long headNumber() throws NodeException {
    return quantity(rpc.call("eth_blockNumber"), "eth_blockNumber").longValueExact();
  }

  @Override
  public Map<Long, Block> blocks(Collection<Long> numbers) throws NodeException {
    List<Long> wanted = numbers.stream().distinct().sorted().toList();
    Map<Long, Block> blocks = new LinkedHashMap<>();
    for (int from = 0; from < wanted.size(); from += HEADERS_PER_BATCH) {
      List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + HEADERS_PER_BATCH));
      List<JsonRpcClient.Call> calls =
          chunk.stream()
              .map(n -> new JsonRpcClient.Call("eth_getBlockByNumber", hex(n), false))
              .toList();
      List<Object> results = rpc.batch(calls);
      for (int i = 0; i < chunk.size(); i++) {
        if (!(results.get(i) instanceof JsonObject header)) {
          throw new NodeException("the node has no block " + chunk.get(i));
        }
        Block block = block(header);
        if (block.number() != chunk.get(i)) {
          throw new NodeException(
              "asked for block " + chunk.get(i) + ", the node answered block " + block.number());
        }
        blocks.put(block.number(), block);
      }
    }
    return blocks;
  }

  @Override
  public List<RawLog> logs(long fromBlock, long toBlock, List<EthAddress> addresses)
      throws NodeException {
    JsonObject filter =
        new JsonObject()
            .put("fromBlock", hex(fromBlock))
            .put("toBlock", hex(toBlock))
            .put("address", new JsonArray(addresses.stream().map(EthAddress::hex).toList()));
    if (!(rpc.call("eth_getLogs", filter) instanceof JsonArray entries)) {
      throw new NodeException("eth_getLogs answered no array");
    }
    List<RawLog> logs = new ArrayList<>(entries.size());
    for (Object entry : entries) {
      if (!(entry instanceof JsonObject log)) {
        throw new NodeException("eth_getLogs answered a non-object log");
      }
      if (Boolean.TRUE.equals(log.getValue("removed"))) {
        continue;
      }
      logs.add(log(log));
    }
    logs.sort(
        Comparator.comparingLong((RawLog l) -> l.position().blockNumber())
            .thenComparingInt(l -> l.position().logIndex()));
    return logs;
  }

  @Override
  public Bytes call(EthAddress to, Bytes data, long blockNumber) throws NodeException {
    JsonObject call = new JsonObject().put("to", to.hex()).put("data", data.toHexString());
    Object result = rpc.call("eth_call", call, hex(blockNumber));
    if (!(result instanceof String hex)) {
      throw new NodeException("eth_call answered no hex string");
    }
    return parse(() -> Bytes.fromHexString(hex), "eth_call result");
  }

  private static Block block(JsonObject header) throws NodeException {
    return parse(
        () ->
            new Block(
                quantityOf(header, "number").longValueExact(),
                Bytes32.fromHexString(header.getString("hash")),
                Bytes32.fromHexString(header.getString("parentHash")),
                quantityOf(header, "timestamp").longValueExact()),
        "block header");
  }

  private static RawLog log(JsonObject log) throws NodeException {
    return parse(
        () -> {
          List<Bytes32> topics = new ArrayList<>();
          for (Object topic : log.getJsonArray("topics")) {
            topics.add(Bytes32.fromHexString((String) topic));
          }
          LogPosition position =
              new LogPosition(
                  quantityOf(log, "blockNumber").longValueExact(),
                  quantityOf(log, "logIndex").intValueExact(),
                  Bytes32.fromHexString(log.getString("blockHash")),
                  Bytes32.fromHexString(log.getString("transactionHash")),
                  quantityOf(log, "transactionIndex").intValueExact());
          return new RawLog(
              EthAddress.fromHex(log.getString("address")),
              topics,
              Bytes.fromHexString(log.getString("data")),
              position);
        },
        "log");
  }

  private interface Parse<T> {
    T run();
  }

  /** Turns any parse failure of a node's answer into a {@link NodeException}. */
  private static <T> T parse(Parse<T> parse, String what) throws NodeException {
    try {
      return parse.run();
    } catch (RuntimeException e) {
      throw new NodeException("the node sent a malformed " + what + ": " + e.getMessage(), e);
    }
  }

  private static BigInteger quantityOf(JsonObject json, String field) {
    return quantityText(json.getString(field), field);
  }

  private static BigInteger quantity(Object value, String what) throws NodeException {
    if (!(value instanceof String text)) {
      throw new NodeException(what + " answered no quantity");
    }
    return parse(() -> quantityText(text, what), what);
  }

  private static BigInteger quantityText(String text, String what) {
    if (text == null || !text.startsWith("0x") || text.length() < 3) {
      throw new IllegalArgumentException(what + " is no hex quantity: " + text);
    }
    return new BigInteger(text.substring(2), 16);
  }

  private static String hex(long number) {
    return "0x" + Long.toHexString(number);
  }
}

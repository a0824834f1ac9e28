package org.ailedger.tests.dsl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Foundry's cast pointed at one node, with the devnet's habits built in: dev keys by account index,
 * zero fees, JSON output. Each method is one command a developer would type.
 */
public final class CastSession {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Cast cast;
  private final String rpcUrl;

  public CastSession(Cast cast, String rpcUrl) {
    this.cast = cast;
    this.rpcUrl = rpcUrl;
  }

  /**
   * {@code cast send} from dev account {@code account}, waiting for the receipt; fails the test
   * unless the transaction succeeded. Returns the receipt as cast prints it.
   */
  public JsonNode send(int account, String to, String signature, String... args) {
    JsonNode receipt = json(cast.run(sendCommand(account, List.of(), to, signature, args)));
    if (!"0x1".equals(receipt.path("status").asText())) {
      throw new AssertionError(
          "cast send " + signature + " from account " + account + " failed: " + receipt);
    }
    return receipt;
  }

  /**
   * {@code cast send --async}: returns the transaction hash as soon as the node pooled it. Sends
   * from different accounts can so share a block; cast reads the nonce of the latest block, so the
   * same account must wait for its receipt before it sends again.
   */
  public String sendAsync(int account, String to, String signature, String... args) {
    return cast.run(sendCommand(account, List.of("--async"), to, signature, args));
  }

  /**
   * {@code cast send} that may fail: cast first estimates gas, so a reverting call stops there and
   * the result carries cast's error output, the way a developer sees it.
   */
  public Cast.Result trySend(int account, String to, String signature, String... args) {
    return cast.execute(sendCommand(account, List.of(), to, signature, args));
  }

  /**
   * {@code cast send --gas-limit}: skips the gas estimate, so even a reverting transaction is
   * mined. Returns its receipt, whatever its status.
   */
  public JsonNode sendMined(
      int account, long gasLimit, String to, String signature, String... args) {
    return json(
        cast.run(
            sendCommand(
                account, List.of("--gas-limit", Long.toString(gasLimit)), to, signature, args)));
  }

  /** {@code cast receipt --json}: waits until the transaction is mined. */
  public JsonNode receipt(String txHash) {
    return json(cast.run("receipt", "--rpc-url", rpcUrl, "--json", txHash));
  }

  /** {@code cast call --json} with a signature that names its return types; the decoded values. */
  public JsonNode call(String to, String signature, String... args) {
    return callWith(List.of(), to, signature, args);
  }

  /**
   * {@code cast call --block}: the same call against the state of an earlier block, as the node
   * answers {@code eth_call} with that block number.
   */
  public JsonNode callAt(long block, String to, String signature, String... args) {
    return callWith(List.of("--block", Long.toString(block)), to, signature, args);
  }

  /** {@code cast keccak}: keccak256 of a text's UTF-8 bytes, 0x-prefixed. */
  public String keccak(String text) {
    return cast.run("keccak", text);
  }

  /** {@code cast abi-encode}: the arguments ABI-encoded for {@code signature}, without selector. */
  public String abiEncode(String signature, String... args) {
    List<String> command = new ArrayList<>(List.of("abi-encode", signature));
    command.addAll(List.of(args));
    return cast.run(command.toArray(String[]::new));
  }

  /** {@code cast format-bytes32-string}: ASCII text right-padded to a bytes32. */
  public String bytes32String(String text) {
    return cast.run("format-bytes32-string", text);
  }

  private JsonNode callWith(List<String> options, String to, String signature, String... args) {
    List<String> command = new ArrayList<>(List.of("call", "--rpc-url", rpcUrl, "--json"));
    command.addAll(options);
    command.add(to);
    command.add(signature);
    command.addAll(List.of(args));
    JsonNode values = json(cast.run(command.toArray(String[]::new)));
    if (!values.isArray()) {
      throw new AssertionError("cast call --json printed no array: " + values);
    }
    return values;
  }

  /**
   * {@code cast logs --json} of {@code address} between two blocks, filtered by an event signature
   * (with its {@code indexed} markers) and values of its first indexed parameters.
   */
  public JsonNode logs(
      String address, long fromBlock, long toBlock, String event, String... indexedValues) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "logs",
                "--rpc-url",
                rpcUrl,
                "--json",
                "--from-block",
                Long.toString(fromBlock),
                "--to-block",
                Long.toString(toBlock),
                "--address",
                address,
                event));
    command.addAll(List.of(indexedValues));
    return json(cast.run(command.toArray(String[]::new)));
  }

  /** {@code cast block-number}. */
  public long blockNumber() {
    return Long.parseLong(cast.run("block-number", "--rpc-url", rpcUrl));
  }

  private String[] sendCommand(
      int account, List<String> extra, String to, String signature, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "send",
                "--rpc-url",
                rpcUrl,
                "--private-key",
                Devnet.privateKeyHex(account),
                "--gas-price",
                "0",
                "--priority-gas-price",
                "0"));
    if (!extra.contains("--async")) {
      command.add("--json");
    }
    command.addAll(extra);
    command.add(to);
    command.add(signature);
    command.addAll(List.of(args));
    return command.toArray(String[]::new);
  }

  private static JsonNode json(String output) {
    try {
      return JSON.readTree(output);
    } catch (JsonProcessingException e) {
      throw new AssertionError("cast printed no JSON: " + output, e);
    }
  }
}

package org.ailedger.node.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.ailedger.node.block.BlockHeader;
import org.ailedger.node.execution.ForkSchedule;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** Reads a genesis file, naming the offending field when something is wrong. */
public final class GenesisParser {
  private final ObjectMapper mapper = new ObjectMapper();

  public GenesisConfig parse(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new GenesisFileException("cannot read genesis file " + file + ": " + e.getMessage(), e);
    }
  }

  public GenesisConfig parse(String json) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new GenesisFileException(
          "genesis file is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new GenesisFileException("genesis file must be a JSON object");
    }
    try {
      JsonNode config = required(root, "config");
      QbftOptions qbft = qbft(required(config, "qbft"));
      checkQbftHeader(root);
      boolean zeroBaseFee = config.path("zeroBaseFee").asBoolean(false);
      UInt256 baseFee =
          root.has("baseFeePerGas")
              ? quantity(root.get("baseFeePerGas"), "baseFeePerGas")
              : UInt256.ZERO;
      if (zeroBaseFee && !baseFee.isZero()) {
        throw new GenesisFileException("baseFeePerGas must be 0 when config.zeroBaseFee is true");
      }
      return new GenesisConfig(
          longField(config, "chainId", -1),
          qbft,
          zeroBaseFee,
          quantity(required(root, "gasLimit"), "gasLimit").toLong(),
          root.has("timestamp") ? quantity(root.get("timestamp"), "timestamp").toLong() : 0,
          hex(required(root, "extraData"), "extraData"),
          root.has("coinbase") ? address(root.get("coinbase").asText(), "coinbase") : Address.ZERO,
          baseFee,
          alloc(root.path("alloc")),
          accounts(root.path("ledger").path("accounts")),
          addresses(root.path("ledger").path("nodes"), "ledger.nodes"),
          tokens(root.path("ledger").path("tokens")),
          parameters(root.path("ledger").path("parameters")),
          forks(config));
    } catch (IllegalArgumentException e) {
      throw new GenesisFileException("invalid genesis: " + e.getMessage(), e);
    }
  }

  /**
   * Besu lower-cases genesis keys before reading them, so {@code blockPeriodSeconds} means {@code
   * blockperiodseconds} there; it does here too. The bounds are read as Besu reads them, JSON
   * integers, and a bound that is zero, negative or no integer is refused rather than guessed at.
   */
  private static QbftOptions qbft(JsonNode node) {
    JsonNode qbft = lowerCaseKeys(node, "config.qbft");
    int blockPeriod =
        intQuantity(qbft, "blockperiodseconds", QbftOptions.DEFAULT_BLOCK_PERIOD_SECONDS);
    return new QbftOptions(
        blockPeriod,
        emptyBlockPeriod(qbft, blockPeriod),
        longField(qbft, "epochlength", QbftOptions.DEFAULT_EPOCH_LENGTH),
        intQuantity(qbft, "requesttimeoutseconds", QbftOptions.DEFAULT_REQUEST_TIMEOUT_SECONDS),
        booleanField(qbft, "createemptyblocks", true),
        positiveInt(qbft, "messagequeuelimit", QbftOptions.DEFAULT_MESSAGE_QUEUE_LIMIT),
        positiveInt(qbft, "duplicatemessagelimit", QbftOptions.DEFAULT_DUPLICATE_MESSAGE_LIMIT),
        positiveInt(qbft, "gossipedhistorylimit", QbftOptions.DEFAULT_GOSSIPED_HISTORY_LIMIT),
        positiveInt(qbft, "futuremessageslimit", QbftOptions.DEFAULT_FUTURE_MESSAGES_LIMIT),
        positiveInt(
            qbft, "futuremessagesmaxdistance", QbftOptions.DEFAULT_FUTURE_MESSAGES_MAX_DISTANCE));
  }

  /**
   * Besu read {@code xemptyblockperiodseconds} until 26.4, both names from 26.5, and only {@code
   * emptyblockperiodseconds} since; a genesis shared with Besu nodes of either side gives both, so
   * both are read, and refused when they disagree. Absent, the empty period is the block period,
   * which has the effect of Besu's default 0.
   */
  private static int emptyBlockPeriod(JsonNode qbft, int blockPeriod) {
    JsonNode current = qbft.get("emptyblockperiodseconds");
    JsonNode experimental = qbft.get("xemptyblockperiodseconds");
    if (current != null && experimental != null && !current.equals(experimental)) {
      throw new GenesisFileException(
          "genesis fields 'config.qbft.emptyblockperiodseconds' and"
              + " 'config.qbft.xemptyblockperiodseconds' disagree");
    }
    String key = current != null ? "emptyblockperiodseconds" : "xemptyblockperiodseconds";
    return nonNegativeInt(qbft, key, blockPeriod);
  }

  private static ObjectNode lowerCaseKeys(JsonNode node, String section) {
    if (!node.isObject()) {
      throw new GenesisFileException("genesis field '" + section + "' must be an object");
    }
    ObjectNode lowered = JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey().toLowerCase(Locale.ROOT);
      if (lowered.has(key)) {
        // Besu would silently keep one of the two; a genesis that says two things is refused
        throw new GenesisFileException(
            "genesis field '" + section + "." + key + "' is given twice, in different cases");
      }
      lowered.set(key, field.getValue());
    }
    return lowered;
  }

  private static int positiveInt(JsonNode section, String key, int fallback) {
    return jsonInt(section, key, fallback, 1, "a positive integer");
  }

  private static int nonNegativeInt(JsonNode section, String key, int fallback) {
    return jsonInt(section, key, fallback, 0, "an integer of 0 or more");
  }

  private static int jsonInt(JsonNode section, String key, int fallback, int min, String what) {
    JsonNode node = section.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min) {
      throw new GenesisFileException(
          "genesis field 'config.qbft." + key + "' must be " + what + ", not " + node);
    }
    return node.intValue();
  }

  /** A quantity (number, decimal or hex string) that must fit an int, not wrap around. */
  private static int intQuantity(JsonNode section, String key, int fallback) {
    long value = longField(section, key, fallback);
    if (value > Integer.MAX_VALUE) {
      throw new GenesisFileException("genesis field 'config.qbft." + key + "' is too large");
    }
    return (int) value;
  }

  private static boolean booleanField(JsonNode section, String key, boolean fallback) {
    JsonNode node = section.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw new GenesisFileException(
          "genesis field 'config.qbft." + key + "' must be true or false, not " + node);
    }
    return node.booleanValue();
  }

  private static void checkQbftHeader(JsonNode root) {
    if (root.has("mixHash")
        && !Bytes32.fromHexString(root.get("mixHash").asText()).equals(BlockHeader.QBFT_MIX_HASH)) {
      throw new GenesisFileException(
          "mixHash must be the QBFT mix hash " + BlockHeader.QBFT_MIX_HASH);
    }
    if (root.has("difficulty")
        && !quantity(root.get("difficulty"), "difficulty").equals(UInt256.ONE)) {
      throw new GenesisFileException("difficulty must be 0x1 on a QBFT chain");
    }
  }

  private static Map<Address, UInt256> alloc(JsonNode node) {
    Map<Address, UInt256> result = new TreeMap<>();
    if (node.isMissingNode()) {
      return result;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      Address address = address(entry.getKey(), "alloc key");
      JsonNode balance = entry.getValue().path("balance");
      result.put(
          address,
          balance.isMissingNode()
              ? UInt256.ZERO
              : quantity(balance, "alloc." + entry.getKey() + ".balance"));
    }
    return result;
  }

  private static Map<Address, UInt256> tokens(JsonNode node) {
    Map<Address, UInt256> result = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      result.put(
          address(entry.getKey(), "ledger.tokens key"),
          quantity(entry.getValue(), "ledger.tokens." + entry.getKey()));
    }
    return result;
  }

  private static Map<String, UInt256> parameters(JsonNode node) {
    Map<String, UInt256> result = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      result.put(entry.getKey(), quantity(entry.getValue(), "ledger.parameters." + entry.getKey()));
    }
    return result;
  }

  private static List<LedgerAccount> accounts(JsonNode node) {
    List<LedgerAccount> result = new ArrayList<>();
    if (node.isMissingNode()) {
      return result;
    }
    if (!node.isArray()) {
      throw new GenesisFileException("ledger.accounts must be an array");
    }
    for (JsonNode account : node) {
      Address address = address(required(account, "address").asText(), "ledger.accounts[].address");
      List<String> roles = new ArrayList<>();
      for (JsonNode role : account.path("roles")) {
        roles.add(role.asText());
      }
      result.add(
          new LedgerAccount(address, MemberIds.parse(required(account, "member").asText()), roles));
    }
    return result;
  }

  private static List<Address> addresses(JsonNode node, String field) {
    List<Address> result = new ArrayList<>();
    for (JsonNode element : node) {
      result.add(address(element.asText(), field));
    }
    return result;
  }

  /**
   * Besu's fork keys: London by block number, Shanghai and Cancun by block timestamp. Earlier
   * forks' keys are accepted and ignored, since every fork before London is implied by it here.
   */
  private static ForkSchedule forks(JsonNode config) {
    return new ForkSchedule(
        optionalLong(config, "londonBlock"),
        optionalLong(config, "shanghaiTime"),
        optionalLong(config, "cancunTime"));
  }

  private static OptionalLong optionalLong(JsonNode config, String key) {
    JsonNode node = config.get(key);
    if (node == null || node.isNull()) {
      return OptionalLong.empty();
    }
    UInt256 value = quantity(node, "config." + key);
    if (!value.fitsLong()) {
      throw new GenesisFileException("genesis field 'config." + key + "' is too large");
    }
    return OptionalLong.of(value.toLong());
  }

  private static JsonNode required(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      throw new GenesisFileException("genesis field '" + field + "' is required");
    }
    return node;
  }

  private static long longField(JsonNode parent, String field, long fallback) {
    JsonNode node = parent.get(field);
    if (node == null) {
      if (fallback < 0) {
        throw new GenesisFileException("genesis field '" + field + "' is required");
      }
      return fallback;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    return quantity(node, field).toLong();
  }

  /** Besu accepts decimal or 0x-hex strings and JSON numbers for quantities; so do we. */
  private static UInt256 quantity(JsonNode node, String field) {
    try {
      if (node.isIntegralNumber()) {
        return UInt256.valueOf(node.bigIntegerValue());
      }
      String text = node.asText().trim();
      BigInteger value =
          text.startsWith("0x") || text.startsWith("0X")
              ? new BigInteger(text.substring(2).isEmpty() ? "0" : text.substring(2), 16)
              : new BigInteger(text);
      return UInt256.valueOf(value);
    } catch (RuntimeException e) {
      throw new GenesisFileException(
          "genesis field '" + field + "' is not a non-negative quantity: " + node);
    }
  }

  private static Bytes hex(JsonNode node, String field) {
    try {
      return Bytes.fromHexString(node.asText());
    } catch (RuntimeException e) {
      throw new GenesisFileException("genesis field '" + field + "' is not hex data");
    }
  }

  private static Address address(String text, String field) {
    try {
      return Address.fromHex(text);
    } catch (RuntimeException e) {
      throw new GenesisFileException(field + " is not an address: " + text);
    }
  }
}

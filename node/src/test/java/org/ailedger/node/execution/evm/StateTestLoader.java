package org.ailedger.node.execution.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ailedger.evm.frame.BlockContext;
import org.ailedger.evm.hash.Keccak256;
import org.ailedger.evm.state.Address;
import org.ailedger.evm.tx.AccessListEntry;
import org.ailedger.evm.tx.EvmTransaction;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** Reads the Cancun expectations of one GeneralStateTests file. */
final class StateTestLoader {
  private static final String FORK = "Cancun";
  private static final UInt256 CHAIN_ID = UInt256.ONE;
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private final ObjectMapper json = new ObjectMapper();

  List<StateTestCase> load(Path root, Path file) {
    JsonNode tests;
    try {
      tests = json.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path relative = root.relativize(file);
    String folder = relative.getName(0).toString();
    String prefix = relative.toString().replace('\\', '/').replaceFirst("\\.json$", "");
    List<StateTestCase> cases = new ArrayList<>();
    tests
        .properties()
        .forEach(
            test -> {
              JsonNode body = test.getValue();
              JsonNode expectations = body.path("post").path(FORK);
              if (!expectations.isArray() || expectations.isEmpty()) {
                return;
              }
              PreState pre = preState(body.get("pre"));
              BlockContext block = block(body.get("env"));
              for (int i = 0; i < expectations.size(); i++) {
                JsonNode post = expectations.get(i);
                JsonNode indexes = post.get("indexes");
                cases.add(
                    new StateTestCase(
                        prefix + "/" + test.getKey() + "/" + i,
                        folder,
                        pre,
                        block,
                        transaction(
                            body.get("transaction"),
                            indexes.get("data").asInt(),
                            indexes.get("gas").asInt(),
                            indexes.get("value").asInt()),
                        Bytes32.fromHexString(post.get("hash").asText()),
                        Bytes32.fromHexString(post.get("logs").asText()),
                        Optional.ofNullable(post.get("expectException")).map(JsonNode::asText)));
              }
            });
    return cases;
  }

  private static PreState preState(JsonNode pre) {
    Map<Address, TestAccount> accounts = new HashMap<>();
    pre.properties()
        .forEach(
            entry -> {
              JsonNode a = entry.getValue();
              Map<UInt256, UInt256> storage = new HashMap<>();
              a.path("storage")
                  .properties()
                  .forEach(
                      slot -> {
                        UInt256 value = UInt256.fromHexString(slot.getValue().asText());
                        if (!value.isZero()) {
                          storage.put(UInt256.fromHexString(slot.getKey()), value);
                        }
                      });
              accounts.put(
                  Address.fromHexString(entry.getKey()),
                  new TestAccount(
                      unsignedLong(a.get("nonce").asText()),
                      UInt256.fromHexString(a.get("balance").asText()),
                      Bytes.fromHexString(a.get("code").asText()).copy(),
                      storage));
            });
    return new PreState(accounts);
  }

  private static BlockContext block(JsonNode env) {
    long number = unsignedLong(env.get("currentNumber").asText());
    JsonNode random =
        env.has("currentRandom") ? env.get("currentRandom") : env.get("currentDifficulty");
    return new BlockContext(
        Address.fromHexString(env.get("currentCoinbase").asText()),
        number,
        unsignedLong(env.get("currentTimestamp").asText()),
        unsignedLong(env.get("currentGasLimit").asText()),
        env.has("currentBaseFee")
            ? UInt256.fromHexString(env.get("currentBaseFee").asText())
            : UInt256.ZERO,
        Bytes32.leftPad(Bytes.fromHexString(random.asText())),
        CHAIN_ID,
        env.has("currentExcessBlobGas")
            ? unsignedLong(env.get("currentExcessBlobGas").asText())
            : 0,
        // the state tests' convention for BLOCKHASH: keccak256 of the number in decimal
        n -> Keccak256.hash(Bytes.wrap(Long.toString(n).getBytes(StandardCharsets.US_ASCII))));
  }

  /** Empty when a field does not fit its type, which a real decoder rejects before any check. */
  private static Optional<EvmTransaction> transaction(JsonNode tx, int data, int gas, int value) {
    BigInteger gasLimit = bigInteger(tx.get("gasLimit").get(gas).asText());
    BigInteger amount = bigInteger(tx.get("value").get(value).asText());
    if (gasLimit.bitLength() > 63 || amount.compareTo(TWO_256) >= 0) {
      return Optional.empty();
    }
    String to = tx.path("to").asText("");
    List<AccessListEntry> accessList = new ArrayList<>();
    JsonNode lists = tx.get("accessLists");
    boolean hasAccessList = lists != null && lists.has(data) && !lists.get(data).isNull();
    if (hasAccessList) {
      for (JsonNode item : lists.get(data)) {
        List<Bytes32> keys = new ArrayList<>();
        item.get("storageKeys").forEach(k -> keys.add(Bytes32.fromHexString(k.asText())));
        accessList.add(
            new AccessListEntry(Address.fromHexString(item.get("address").asText()), keys));
      }
    }
    List<Bytes32> blobHashes = new ArrayList<>();
    if (tx.has("blobVersionedHashes")) {
      tx.get("blobVersionedHashes").forEach(h -> blobHashes.add(Bytes32.fromHexString(h.asText())));
    }
    int type;
    UInt256 maxFee;
    UInt256 priorityFee;
    if (tx.has("maxFeePerGas")) {
      type = tx.has("blobVersionedHashes") ? 3 : 2;
      maxFee = UInt256.fromHexString(tx.get("maxFeePerGas").asText());
      priorityFee = UInt256.fromHexString(tx.get("maxPriorityFeePerGas").asText());
    } else {
      type = hasAccessList ? 1 : 0;
      maxFee = UInt256.fromHexString(tx.get("gasPrice").asText());
      priorityFee = maxFee;
    }
    return Optional.of(
        new EvmTransaction(
            type,
            Address.fromHexString(tx.get("sender").asText()),
            to.isEmpty() ? Optional.empty() : Optional.of(Address.fromHexString(to)),
            unsignedLong(tx.get("nonce").asText()),
            gasLimit.longValue(),
            UInt256.valueOf(amount),
            Bytes.fromHexString(tx.get("data").get(data).asText()).copy(),
            maxFee,
            priorityFee,
            accessList,
            tx.has("maxFeePerBlobGas")
                ? UInt256.fromHexString(tx.get("maxFeePerBlobGas").asText())
                : UInt256.ZERO,
            blobHashes));
  }

  private static BigInteger bigInteger(String hex) {
    // a few fillers write values beyond 256 bits as "0x:bigint 0x..."
    String plain = hex.replace("0x:bigint ", "");
    String digits = plain.startsWith("0x") ? plain.substring(2) : plain;
    return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
  }

  private static long unsignedLong(String hex) {
    BigInteger value = bigInteger(hex);
    if (value.bitLength() > 64) {
      throw new IllegalArgumentException("over 64 bits: " + hex);
    }
    return value.longValue();
  }
}

package org.ailedger.node.state.trie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The root hashes of the ethereum/tests TrieTests vectors (plain and secure tries). */
class TrieVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Files whose keys are inserted as given, or hashed first (secure trie). */
  private static final Map<String, Boolean> FILES_SECURE =
      Map.of(
          "trietest.json", false,
          "trieanyorder.json", false,
          "trietest_secureTrie.json", true,
          "trieanyorder_secureTrie.json", true,
          "hex_encoded_securetrie_test.json", true);

  /** One operation: a value to store, or {@code null} to delete the key. */
  private record Operation(Bytes key, Bytes value) {}

  /** The plain or the secure trie behind the same three calls. */
  private record TrieUnderTest(
      BiConsumer<Bytes, Bytes> put, Consumer<Bytes> remove, Supplier<Bytes32> root) {
    static TrieUnderTest create(boolean secure) {
      if (secure) {
        SecureMerklePatriciaTrie trie = SecureMerklePatriciaTrie.empty();
        return new TrieUnderTest(trie::put, trie::remove, trie::rootHash);
      }
      MerklePatriciaTrie trie = MerklePatriciaTrie.empty();
      return new TrieUnderTest(trie::put, trie::remove, trie::rootHash);
    }

    Bytes32 apply(List<Operation> operations) {
      for (Operation op : operations) {
        if (op.value() == null) {
          remove.accept(op.key());
        } else {
          put.accept(op.key(), op.value());
        }
      }
      return root.get();
    }
  }

  static Stream<Arguments> vectors() throws IOException {
    Path dir = vectorsDir().resolve("TrieTests");
    List<Arguments> cases = new ArrayList<>();
    for (String file : FILES_SECURE.keySet().stream().sorted().toList()) {
      JsonNode root = JSON.readTree(dir.resolve(file).toFile());
      for (Map.Entry<String, JsonNode> entry : root.properties()) {
        JsonNode testCase = entry.getValue();
        cases.add(
            Arguments.of(
                file + "/" + entry.getKey(),
                FILES_SECURE.get(file),
                operations(testCase.get("in")),
                testCase.get("in").isObject(),
                Bytes32.fromHexString(testCase.get("root").asText())));
      }
    }
    assertThat(cases).as("trie vector cases").hasSize(25);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void rootMatchesReference(
      String name, boolean secure, List<Operation> operations, boolean anyOrder, Bytes32 root) {
    assertThat(TrieUnderTest.create(secure).apply(operations)).as(name).isEqualTo(root);
    if (anyOrder) {
      List<Operation> reversed = new ArrayList<>(operations);
      Collections.reverse(reversed);
      assertThat(TrieUnderTest.create(secure).apply(reversed))
          .as(name + " inserted in reverse order")
          .isEqualTo(root);
    }
  }

  private static List<Operation> operations(JsonNode in) {
    List<Operation> operations = new ArrayList<>();
    if (in.isArray()) {
      for (JsonNode pair : in) {
        JsonNode value = pair.get(1);
        operations.add(
            new Operation(
                bytes(pair.get(0).asText()), value.isNull() ? null : bytes(value.asText())));
      }
    } else {
      for (Map.Entry<String, JsonNode> pair : in.properties()) {
        operations.add(new Operation(bytes(pair.getKey()), bytes(pair.getValue().asText())));
      }
    }
    return operations;
  }

  /** The vectors' rule: {@code 0x}-prefixed strings are hex, anything else stands for its bytes. */
  private static Bytes bytes(String text) {
    return text.startsWith("0x")
        ? Bytes.fromHexString(text)
        : Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  static Path vectorsDir() {
    String property = System.getProperty("test.vectors.dir");
    assertThat(property)
        .as("system property test.vectors.dir (the ethereum/tests vectors folder)")
        .isNotBlank();
    Path dir = Path.of(property);
    assertThat(Files.isDirectory(dir)).as("ethereum/tests vectors folder %s exists", dir).isTrue();
    return dir;
  }
}

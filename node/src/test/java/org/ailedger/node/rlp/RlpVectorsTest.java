package org.ailedger.node.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.rlp.RLPReader;
import org.apache.tuweni.rlp.RLPWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ethereum/tests RLPTests vectors against tuweni RLP. Decoding here means what a strict
 * consumer must do: read the item completely (every element of every nested list) with the strict
 * (non-lenient) reader, and require the input to end exactly where the item ends.
 */
class RlpVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> validVectors() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : read("rlptest.json").properties()) {
      cases.add(
          Arguments.of(
              entry.getKey(),
              entry.getValue().get("in"),
              Bytes.fromHexString(entry.getValue().get("out").asText())));
    }
    assertThat(cases).as("valid RLP vectors").hasSize(28);
    return cases.stream();
  }

  static Stream<Arguments> invalidVectors() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : read("invalidRLPTest.json").properties()) {
      assertThat(entry.getValue().get("in").asText()).isEqualTo("INVALID");
      String hex = entry.getValue().get("out").asText();
      // most values here lack the 0x prefix and one is upper case
      String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
      cases.add(Arguments.of(entry.getKey(), Bytes.fromHexString(digits)));
    }
    assertThat(cases).as("invalid RLP vectors").hasSize(26);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVectors")
  void encodingMatchesReference(String name, JsonNode in, Bytes out) {
    assertThat(RLP.encode(w -> write(w, in))).as(name).isEqualTo(out);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVectors")
  void referenceEncodingDecodesAndReencodesUnchanged(String name, JsonNode in, Bytes out) {
    Object decoded = decodeFully(out);

    assertThat(RLP.encode(w -> writeDecoded(w, decoded))).as(name).isEqualTo(out);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidVectors")
  void malformedEncodingIsRejected(String name, Bytes encoded) {
    assertThatThrownBy(() -> decodeFully(encoded)).as(name).isInstanceOf(RLPException.class);
  }

  /** The item as nested {@code List}s of {@code Bytes}; throws on any malformed or extra byte. */
  private static Object decodeFully(Bytes encoded) {
    return RLP.decode(
        encoded,
        false,
        reader -> {
          Object item = readItem(reader);
          if (!reader.isComplete()) {
            throw new RLPException(reader.remaining() + " bytes after the RLP item");
          }
          return item;
        });
  }

  private static Object readItem(RLPReader reader) {
    if (!reader.nextIsList()) {
      return reader.readValue();
    }
    return reader.readList(
        false,
        list -> {
          List<Object> items = new ArrayList<>();
          while (!list.isComplete()) {
            items.add(readItem(list));
          }
          return items;
        });
  }

  private static void writeDecoded(RLPWriter writer, Object item) {
    if (item instanceof Bytes bytes) {
      writer.writeValue(bytes);
    } else {
      writer.writeList(w -> ((List<?>) item).forEach(element -> writeDecoded(w, element)));
    }
  }

  /** The vectors' input language: strings of bytes, integers, "#"-prefixed big integers, lists. */
  private static void write(RLPWriter writer, JsonNode in) {
    if (in.isArray()) {
      writer.writeList(w -> in.forEach(element -> write(w, element)));
    } else if (in.isIntegralNumber()) {
      assertThat(in.canConvertToLong()).as("integer %s fits a long", in).isTrue();
      writer.writeLong(in.asLong());
    } else if (in.isTextual() && in.asText().startsWith("#")) {
      writer.writeBigInteger(new BigInteger(in.asText().substring(1)));
    } else if (in.isTextual()) {
      String text = in.asText();
      assertThat(text.chars())
          .as("characters of %s are single bytes", text)
          .allMatch(c -> c < 0x80);
      writer.writeValue(Bytes.wrap(text.getBytes(StandardCharsets.US_ASCII)));
    } else {
      throw new IllegalArgumentException("unexpected RLP test input: " + in);
    }
  }

  private static JsonNode read(String file) throws IOException {
    String property = System.getProperty("test.vectors.dir");
    assertThat(property)
        .as("system property test.vectors.dir (the ethereum/tests vectors folder)")
        .isNotBlank();
    Path path = Path.of(property, "RLPTests", file);
    assertThat(Files.isRegularFile(path)).as("RLP vector file %s exists", path).isTrue();
    return JSON.readTree(path.toFile());
  }
}

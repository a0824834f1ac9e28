package org.ailedger.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;

/**
 * A command's result: one JSON object with {@code --json} (hex as lower-case {@code 0x…}, token
 * amounts as decimal strings), readable text otherwise. Commands build the object once and both
 * forms come from it, so they never disagree.
 */
public final class Output {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintWriter out;
  private final boolean json;

  public Output(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Prints the result as JSON or as indented {@code label: value} text. */
  public void print(ObjectNode result) {
    print(result, TextRenderer.render(result));
  }

  /** Prints the result as JSON, or as the given text lines (for shapes such as trees). */
  public void print(ObjectNode result, List<String> text) {
    if (json) {
      try {
        out.println(MAPPER.writeValueAsString(result));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a JSON tree could not be written", e);
      }
    } else {
      text.forEach(out::println);
    }
    out.flush();
  }
}

package org.ailedger.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders a result object as aligned, indented {@code label: value} lines in the manner of YAML:
 * camelCase field names become words, lists of objects become {@code -} items, lists of plain
 * values one comma-separated line.
 */
final class TextRenderer {
  private static final String NONE = "(none)";

  private TextRenderer() {}

  static List<String> render(ObjectNode result) {
    List<String> lines = new ArrayList<>();
    object(result, "", "", lines);
    return lines;
  }

  private static void object(JsonNode node, String firstIndent, String indent, List<String> lines) {
    int width = 0;
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (inline(field.getValue())) {
        width = Math.max(width, label(field.getKey()).length() + 1);
      }
    }
    boolean first = true;
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String prefix = first ? firstIndent : indent;
      first = false;
      String label = label(field.getKey()) + ":";
      String padded = label + " ".repeat(Math.max(1, width - label.length() + 1));
      JsonNode value = field.getValue();
      if (value.isObject() && !value.isEmpty()) {
        lines.add(prefix + label);
        object(value, indent + "  ", indent + "  ", lines);
      } else if (!inline(value)) {
        lines.add(prefix + label);
        for (JsonNode element : value) {
          if (element.isObject()) {
            object(element, indent + "  - ", indent + "    ", lines);
          } else {
            lines.add(indent + "  - " + scalar(element));
          }
        }
      } else if (value.isArray() || value.isObject()) {
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(scalar(item)));
        lines.add(prefix + padded + (items.isEmpty() ? NONE : String.join(", ", items)));
      } else {
        lines.add(prefix + padded + scalar(value));
      }
    }
  }

  /**
   * Whether a value is printed on its label's line: scalars, empty containers, lists of scalars.
   */
  private static boolean inline(JsonNode value) {
    return value.isEmpty() || !value.isContainerNode() || value.isArray() && allScalars(value);
  }

  private static boolean allScalars(JsonNode array) {
    for (JsonNode element : array) {
      if (element.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static String scalar(JsonNode value) {
    if (value.isNull()) {
      return "-";
    }
    return value.isTextual() && value.asText().isEmpty() ? NONE : value.asText();
  }

  /** {@code deadlineBlock} → {@code deadline block}. */
  static String label(String fieldName) {
    StringBuilder words = new StringBuilder();
    for (char c : fieldName.toCharArray()) {
      if (Character.isUpperCase(c)) {
        words.append(' ').append(Character.toLowerCase(c));
      } else {
        words.append(c);
      }
    }
    return words.toString();
  }
}

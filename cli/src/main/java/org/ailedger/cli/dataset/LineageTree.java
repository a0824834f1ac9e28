package org.ailedger.cli.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ailedger.cli.client.Output;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A dataset's ancestors or descendants as a tree, walked depth-first through the contract's views.
 * Lineage is a graph (a dataset can have several parents that share an ancestor), so a dataset
 * already shown is marked instead of expanded again; depth and the number of datasets visited are
 * bounded, and whatever the bounds cut is counted, never silently dropped.
 */
final class LineageTree {
  enum Direction {
    ANCESTORS("parents"),
    DESCENDANTS("children");

    final String field;

    Direction(String field) {
      this.field = field;
    }
  }

  private final DatasetReader reader;
  private final int maxDepth;
  private final int maxNodes;
  private final Map<Bytes32, ObjectNode> described = new HashMap<>();
  private int visited;

  LineageTree(DatasetReader reader, int maxDepth, int maxNodes) {
    this.reader = reader;
    this.maxDepth = maxDepth;
    this.maxNodes = maxNodes;
  }

  /** The dataset's id, uri, revocation and taint. */
  ObjectNode describe(Bytes32 id) {
    ObjectNode known = described.get(id);
    if (known == null) {
      DatasetReader.Dataset d = reader.dataset(id);
      Optional<Bytes32> taint = reader.taintSource(id);
      known =
          Output.object()
              .put("datasetId", id.toHexString())
              .put("owner", d.owner().toHexString())
              .put("uri", d.uri())
              .put("revoked", d.revoked())
              .put("tainted", taint.isPresent());
      if (taint.isPresent()) {
        known.put("taintSource", taint.get().toHexString());
      } else {
        known.putNull("taintSource");
      }
      described.put(id, known);
    }
    return known.deepCopy();
  }

  /**
   * One direction of the tree below a dataset.
   *
   * @param items the root's parents (or children), each with its own below it
   * @param notShown how many of the root's own parents (or children) the node bound cut
   */
  record Branch(ArrayNode items, int notShown) {}

  /** The tree in one direction below {@code root}: root's parents (or children) and theirs. */
  Branch walk(Bytes32 root, Direction direction) {
    ObjectNode holder = Output.object();
    visited = 0;
    expand(holder, root, direction, 1, new HashSet<>(Set.of(root)));
    return new Branch((ArrayNode) holder.get(direction.field), holder.path("notShown").asInt(0));
  }

  private void expand(
      ObjectNode owner, Bytes32 id, Direction direction, int level, Set<Bytes32> expanded) {
    List<Bytes32> next =
        direction == Direction.ANCESTORS ? reader.parents(id) : reader.children(id);
    ArrayNode items = owner.putArray(direction.field);
    for (int i = 0; i < next.size(); i++) {
      if (visited >= maxNodes) {
        owner.put("notShown", next.size() - i);
        owner.put("notShownBecause", "the walk stops after " + maxNodes + " datasets");
        return;
      }
      visited++;
      Bytes32 n = next.get(i);
      ObjectNode node = describe(n);
      if (!expanded.add(n)) {
        node.put("shownAbove", true);
      } else if (level < maxDepth) {
        expand(node, n, direction, level + 1, expanded);
      } else {
        int beyond =
            (direction == Direction.ANCESTORS ? reader.parents(n) : reader.children(n)).size();
        if (beyond > 0) {
          node.put("notShown", beyond);
          node.put(
              "notShownBecause",
              "deeper than " + (maxDepth == 1 ? "1 generation" : maxDepth + " generations"));
        }
      }
      items.add(node);
    }
  }

  /** One line per dataset, indented by generation, with revocation and taint markers. */
  static List<String> text(ObjectNode root, Branch ancestors, Branch descendants, int depth) {
    List<String> lines = new ArrayList<>();
    lines.add(line(root));
    String generations = depth == 1 ? "1 generation" : depth + " generations";
    lines.add("ancestors (up to " + generations + "):");
    lines(ancestors.items(), Direction.ANCESTORS, "  ", lines);
    cut(ancestors.notShown(), "  ", lines);
    lines.add("descendants (up to " + generations + "):");
    lines(descendants.items(), Direction.DESCENDANTS, "  ", lines);
    cut(descendants.notShown(), "  ", lines);
    return lines;
  }

  private static void cut(int notShown, String indent, List<String> lines) {
    if (notShown > 0) {
      lines.add(
          indent
              + "… "
              + notShown
              + " more not shown: the walk stops after a bounded number of datasets");
    }
  }

  private static void lines(
      ArrayNode items, Direction direction, String indent, List<String> lines) {
    if (items == null || items.isEmpty()) {
      lines.add(indent + "(none)");
      return;
    }
    for (JsonNode item : items) {
      lines.add(indent + line(item));
      JsonNode below = item.get(direction.field);
      if (below != null && !below.isEmpty()) {
        lines(((ArrayNode) below), direction, indent + "  ", lines);
      }
      if (item.has("notShown")) {
        lines.add(
            indent
                + "  … "
                + item.get("notShown").asInt()
                + " more not shown: "
                + item.get("notShownBecause").asText());
      }
    }
  }

  private static String line(JsonNode node) {
    StringBuilder line = new StringBuilder(node.get("datasetId").asText());
    String uri = node.path("uri").asText();
    if (!uri.isEmpty()) {
      line.append("  ").append(uri);
    }
    if (node.path("revoked").asBoolean()) {
      line.append("  [revoked]");
    } else if (node.path("tainted").asBoolean()) {
      line.append("  [tainted by ").append(node.get("taintSource").asText()).append(']');
    }
    if (node.path("shownAbove").asBoolean()) {
      line.append("  (shown above)");
    }
    return line.toString();
  }
}

package org.ailedger.node.p2p.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Besu's {@code static-nodes.json}: a JSON array of enode URLs the node keeps connected to. Read
 * from the data directory unless the operator names another file.
 */
public final class StaticNodesFile {
  /** The name Besu gives the file in its data directory. */
  public static final String DEFAULT_NAME = "static-nodes.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private StaticNodesFile() {}

  /**
   * The enodes in {@code file}.
   *
   * @throws IllegalArgumentException naming the file and the entry when it is not a JSON array of
   *     enode URLs
   */
  public static List<EnodeUrl> read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read static nodes file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(
          "static nodes file " + file + " must hold a JSON array of enode URLs");
    }
    List<EnodeUrl> nodes = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode entry = root.get(i);
      if (!entry.isTextual()) {
        throw new IllegalArgumentException(
            "static nodes file " + file + ", entry " + i + ": expected an enode URL string");
      }
      try {
        nodes.add(EnodeUrl.parse(entry.textValue()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "static nodes file " + file + ", entry " + i + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(nodes);
  }

  /**
   * Writes, for each of {@code nodes}, the file {@code fileOf} names for it listing every other
   * node: the full mesh a consortium's validators keep among themselves.
   */
  public static void writeFullMesh(List<EnodeUrl> nodes, IntFunction<Path> fileOf) {
    for (int i = 0; i < nodes.size(); i++) {
      List<EnodeUrl> others = new ArrayList<>(nodes);
      others.remove(i);
      write(fileOf.apply(i), others);
    }
  }

  /** Writes {@code nodes} as Besu would read them, one URL per line. */
  public static void write(Path file, List<EnodeUrl> nodes) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < nodes.size(); i++) {
      json.append(i == 0 ? "\n  \"" : ",\n  \"").append(nodes.get(i)).append('"');
    }
    json.append(nodes.isEmpty() ? "]\n" : "\n]\n");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}

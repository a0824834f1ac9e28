package org.ailedger.tests.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the packaged {@code ailedger} command lives: the cli jar and its {@code lib/} that {@code
 * mvn package} builds.
 */
final class NodeDistribution {
  private static final String NODE_DIR_PROPERTY = "ailedger.cli.dir";
  private static final String HOW_TO_BUILD =
      "build the command first: mvn -B -pl cli -am package -DskipTests (or run ./ailedger test)";

  private NodeDistribution() {}

  static String classPath() {
    String dir = System.getProperty(NODE_DIR_PROPERTY);
    if (dir == null || dir.isBlank()) {
      throw new AssertionError(
          "system property "
              + NODE_DIR_PROPERTY
              + " is not set; run the system tests through"
              + " Maven (failsafe sets it)");
    }
    Path target = Path.of(dir);
    Path lib = target.resolve("lib");
    if (!Files.isDirectory(lib)) {
      throw new AssertionError("no " + lib + "; " + HOW_TO_BUILD);
    }
    return cliJar(target) + java.io.File.pathSeparator + lib.resolve("*");
  }

  private static Path cliJar(Path target) {
    try (Stream<Path> files = Files.list(target)) {
      List<Path> jars =
          files
              .filter(path -> path.getFileName().toString().matches("cli-.*\\.jar"))
              .filter(
                  path ->
                      !path.getFileName().toString().matches(".*-(sources|tests|javadoc)\\.jar"))
              .toList();
      if (jars.size() != 1) {
        throw new AssertionError(
            "expected one cli jar in " + target + ", found " + jars + "; " + HOW_TO_BUILD);
      }
      return jars.getFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + target + "; " + HOW_TO_BUILD, e);
    }
  }
}

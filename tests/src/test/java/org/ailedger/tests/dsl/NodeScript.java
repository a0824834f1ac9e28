package org.ailedger.tests.dsl;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js script from {@code tests/scripts}, run as its own process with the JavaScript clients
 * {@code npm ci} installed in {@code tests/node_modules} (ethers). Like cast, it is a client
 * written independently of this project.
 */
public final class NodeScript {
  private static final String TESTS_DIR_PROPERTY = "ailedger.tests.dir";
  private static final String HOW_TO_INSTALL = "run ./ailedger test, or: cd tests && npm ci";

  private final Path node;
  private final Path script;
  private final Path workDir;

  private NodeScript(Path node, Path script, Path workDir) {
    this.node = node;
    this.script = script;
    this.workDir = workDir;
  }

  /**
   * The script {@code fileName} in {@code tests/scripts}; fails the test with what to install when
   * node, the script or its npm packages are missing.
   */
  public static NodeScript named(String fileName, String... requiredPackages) {
    String property = System.getProperty(TESTS_DIR_PROPERTY);
    if (property == null || property.isBlank()) {
      throw new AssertionError(
          "system property "
              + TESTS_DIR_PROPERTY
              + " is not set; run the system tests through Maven");
    }
    Path testsDir = Path.of(property);
    Path script = testsDir.resolve("scripts").resolve(fileName);
    if (!Files.isRegularFile(script)) {
      throw new AssertionError("no script " + script);
    }
    for (String pkg : requiredPackages) {
      if (!Files.isDirectory(testsDir.resolve("node_modules").resolve(pkg))) {
        throw new AssertionError(
            "the npm package " + pkg + " is not installed in " + testsDir + "; " + HOW_TO_INSTALL);
      }
    }
    try {
      Path workDir = Files.createDirectories(Path.of("target", "system-tests", "node-scripts"));
      return new NodeScript(nodeOnPath(), script, workDir.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the scripts' working directory", e);
    }
  }

  /** What one run printed and how it exited. */
  public record Result(String script, int exitCode, String stdout, String stderr) {
    /** Stdout; fails the test with stderr when the script failed. */
    public String output() {
      if (exitCode != 0) {
        throw new AssertionError(
            script + " exited " + exitCode + "\nstderr: " + stderr + "\nstdout: " + stdout);
      }
      return stdout;
    }
  }

  /**
   * Runs the script with {@code args}, adding {@code environment} to this process's environment,
   * and waits at most {@code timeout} for it.
   */
  public Result run(Map<String, String> environment, Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of(node.toString(), script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().putAll(environment);
    try {
      Path out = Files.createTempFile(workDir, "node-", ".out");
      Path err = Files.createTempFile(workDir, "node-", ".err");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(
            script.getFileName()
                + " did not finish within "
                + timeout.toSeconds()
                + " s\nstderr: "
                + Files.readString(err)
                + "\nstdout: "
                + Files.readString(out));
      }
      Result result =
          new Result(
              script.getFileName().toString(),
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + script.getFileName(), e);
    }
  }

  private static Path nodeOnPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, "node");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        "Node.js (node) is not on the PATH ("
            + path
            + "); install Node.js 20 or newer with npm, e.g. 'apt-get install nodejs npm', then "
            + HOW_TO_INSTALL);
  }
}

package org.ailedger.tests.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Foundry's {@code cast}, run as a separate process against a node: an Ethereum tool written
 * independently of this project, so agreement with it is evidence of compatibility.
 */
public final class Cast {
  private static final String CAST_BIN_PROPERTY = "cast.bin";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path binary;
  private final Path workDir;

  private Cast(Path binary, Path workDir) {
    this.binary = binary;
    this.workDir = workDir;
  }

  /** The cast binary the build installed; fails the test with how to install it when missing. */
  public static Cast installed() {
    String property = System.getProperty(CAST_BIN_PROPERTY);
    if (property == null || property.isBlank()) {
      throw new AssertionError(
          "system property "
              + CAST_BIN_PROPERTY
              + " is not set; run the system tests with"
              + " ./ailedger test");
    }
    Path binary = Path.of(property);
    if (!Files.isExecutable(binary)) {
      throw new AssertionError(
          "Foundry cast is not installed at "
              + binary
              + "; run ./ailedger test, which installs it"
              + " (or: cd tests && npm ci)");
    }
    try {
      Path workDir = Files.createDirectories(Path.of("target", "system-tests", "cast-home"));
      return new Cast(binary, workDir.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create cast's working directory", e);
    }
  }

  /** What one cast invocation printed and how it exited. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    /** Stdout without surrounding white space; fails the test with stderr when cast failed. */
    public String output() {
      if (exitCode != 0) {
        throw new AssertionError(
            "cast exited "
                + exitCode
                + ": "
                + String.join(" ", command)
                + "\nstdout: "
                + stdout
                + "\nstderr: "
                + stderr);
      }
      return stdout.strip();
    }
  }

  /** Runs {@code cast args...} and returns its output; fails the test when cast fails. */
  public String run(String... args) {
    return execute(args).output();
  }

  /** Runs {@code cast args...} and returns whatever happened, success or not. */
  public Result execute(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    // keep cast away from any user configuration and from the network beyond the node
    builder.environment().put("HOME", workDir.toString());
    builder.environment().put("FOUNDRY_DISABLE_NIGHTLY_WARNING", "1");
    builder.environment().remove("ETH_RPC_URL");
    try {
      Path out = Files.createTempFile(workDir, "cast-", ".out");
      Path err = Files.createTempFile(workDir, "cast-", ".err");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "cast did not finish within "
                + TIMEOUT.toSeconds()
                + " s: "
                + String.join(" ", command)
                + "\nstderr: "
                + Files.readString(err));
      }
      Result result =
          new Result(
              List.copyOf(command),
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
      throw new IllegalStateException("interrupted while running cast", e);
    }
  }
}

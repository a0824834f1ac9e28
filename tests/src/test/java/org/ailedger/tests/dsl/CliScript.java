package org.ailedger.tests.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a shell script that calls the {@code ailedger} CLI, as a user would from a terminal. The CLI
 * is the packaged node started with the test JVM's java, through a small wrapper named by the
 * {@code AILEDGER} variable (the launcher would rebuild first).
 */
public final class CliScript {
  private CliScript() {}

  /** The script's combined output; fails with it if the script exits non-zero or runs over. */
  public static String run(Path script, Path workDir, String rpcUrl, Duration timeout) {
    try {
      Path wrapper = workDir.resolve("ailedger-cli");
      String java = ProcessHandle.current().info().command().orElse("java");
      Files.writeString(
          wrapper,
          "#!/bin/sh\nexec '"
              + java
              + "' --enable-native-access=ALL-UNNAMED -cp '"
              + NodeDistribution.classPath()
              + "' org.ailedger.cli.AiLedger \"$@\"\n",
          StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
      Path output = workDir.resolve("script.log");
      ProcessBuilder builder =
          new ProcessBuilder("bash", script.toString())
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().put("AILEDGER", wrapper.toString());
      builder.environment().put("RPC", rpcUrl);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "script " + script + " ran over " + timeout + ":\n" + Files.readString(output));
      }
      String log = Files.readString(output);
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "script " + script + " exited " + process.exitValue() + ":\n" + log);
      }
      return log;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

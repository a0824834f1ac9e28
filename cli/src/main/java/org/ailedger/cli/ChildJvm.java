package org.ailedger.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An {@code ailedger} subcommand run as a child process of the devnet: the same java, JVM options
 * and class path as this one, its output appended to a log file.
 */
final class ChildJvm {
  private static final String MAIN_CLASS = AiLedger.class.getName();
  private static final int LOG_TAIL_BYTES = 16 * 1024;
  private static final int LOG_TAIL_LINES = 40;

  private ChildJvm() {}

  /** Starts {@code ailedger <arguments>}, its output appended to {@code log}. */
  static Process start(String what, List<String> arguments, Path log) {
    try {
      Files.writeString(
          log,
          "==== started by ailedger devnet (pid "
              + ProcessHandle.current().pid()
              + ") at "
              + Instant.now()
              + " ====\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return new ProcessBuilder(command(arguments))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + what + ": " + e.getMessage(), e);
    }
  }

  /** The last lines of a child's log, to show why it failed. */
  static String logTail(Path log) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long from = Math.max(0, file.length() - LOG_TAIL_BYTES);
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(bytes);
      List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n"));
      if (from > 0 && !lines.isEmpty()) {
        lines = lines.subList(1, lines.size()); // the first line is likely cut
      }
      List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
      return "---- last lines of " + log + " ----\n" + String.join("\n", tail);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  private static List<String> command(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElseThrow(() -> new IllegalStateException("cannot tell which java runs ailedger")));
    command.addAll(jvmOptions());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MAIN_CLASS);
    command.addAll(arguments);
    return command;
  }

  /**
   * This JVM's options (heap, native access, {@code AILEDGER_JAVA_OPTS}) for the children too, but
   * no debugger or agent: those would clash on their port or file.
   */
  private static List<String> jvmOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            option ->
                !option.startsWith("-agentlib:")
                    && !option.startsWith("-agentpath:")
                    && !option.startsWith("-javaagent:")
                    && !option.startsWith("-Xrunjdwp")
                    && !option.equals("-Xdebug"))
        .toList();
  }
}

package org.ailedger.tests.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The one log file a test's process writes across all its starts. The harness marks each start with
 * a line of its own, so a test can look at what the latest start printed while a failure message
 * can still show the whole story.
 *
 * @param file where the process's stdout and stderr are appended
 * @param tailLines how many of the last lines a failure message shows
 */
public record ProcessLog(Path file, int tailLines) {
  private static final String START_MARK = "==== start #";

  /** Marks the {@code start}-th start, described by {@code what} (e.g. "of node-0 at …"). */
  public void markStart(int start, String what) {
    append(START_MARK + start + " " + what + " ====\n");
  }

  /** Notes something the harness did or saw, e.g. how the process exited. */
  public void note(String what) {
    append("==== " + what + " ====\n");
  }

  /** What the process printed since its latest start. */
  public String sinceLatestStart() {
    String log = all();
    int start = log.lastIndexOf(START_MARK);
    return start < 0 ? log : log.substring(start);
  }

  /** The whole log, every start. */
  public String all() {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The last lines, headed by where they come from, for failure messages; never throws. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      int from = Math.max(0, lines.size() - tailLines);
      return "---- last "
          + (lines.size() - from)
          + " lines of "
          + file
          + " ----\n"
          + String.join("\n", lines.subList(from, lines.size()));
    } catch (IOException e) {
      return "(no log at " + file + ": " + e.getMessage() + ")";
    }
  }

  private void append(String line) {
    try {
      Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}

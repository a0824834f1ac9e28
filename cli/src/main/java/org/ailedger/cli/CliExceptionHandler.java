package org.ailedger.cli;

import picocli.CommandLine;

/**
 * Prints a failing command's reason as one line instead of a stack trace: the messages of this code
 * base are written for the person at the terminal.
 */
final class CliExceptionHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + message));
    if (System.getenv("AILEDGER_DEBUG") != null) {
      e.printStackTrace(commandLine.getErr());
    }
    return 1;
  }
}

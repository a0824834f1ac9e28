package org.ailedger.cli;

import java.util.Optional;

/**
 * Ends this process, through its shutdown hooks, once another process has ended. A validator that
 * {@code ailedger devnet} started watches the devnet this way, so that a devnet killed with SIGKILL
 * (which runs no hook of its own) does not leave its validators running.
 */
final class ParentWatch {
  private ParentWatch() {}

  /**
   * Exits with status 0 when process {@code pid} ends, or at once if it is not running. The exit
   * runs the shutdown hooks, so a node closes its database and sockets as on SIGTERM.
   */
  static void exitWhenGone(long pid) {
    Optional<ProcessHandle> parent = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (parent.isEmpty()) {
      stop(pid);
      return;
    }
    // the JDK cannot wait on a process that is not its child: it polls, at most 5 s apart
    parent.get().onExit().thenRun(() -> stop(pid));
  }

  private static void stop(long pid) {
    System.out.println("Process " + pid + " that started this process has ended; stopping.");
    System.exit(0);
  }
}

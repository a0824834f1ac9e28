package org.ailedger.cli;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.ailedger.node.app.LedgerNode;

/** Starts a node, reports it, and keeps the process alive until SIGINT/SIGTERM stops it cleanly. */
final class NodeRun {
  private NodeRun() {}

  static void untilInterrupted(LedgerNode node, Consumer<LedgerNode> onStarted) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              node.close();
              stopped.countDown();
            },
            "shutdown");
    node.start();
    Runtime.getRuntime().addShutdownHook(hook);
    onStarted.accept(node);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

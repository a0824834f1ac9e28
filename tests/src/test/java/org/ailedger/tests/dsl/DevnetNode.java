package org.ailedger.tests.dsl;

import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A JUnit extension that gives a test class its own fresh single-validator devnet node, and prints
 * the node's log tail beside any test that fails. Register it as a static field:
 *
 * <pre>{@code @RegisterExtension static final DevnetNode NODE = new DevnetNode("web3j");}</pre>
 */
public final class DevnetNode implements BeforeAllCallback, AfterAllCallback, TestWatcher {
  private final String name;
  private final Function<String, NodeProcess> start;
  private NodeProcess node;

  /** A single-validator node started with {@code ailedger node} on a devnet genesis. */
  public DevnetNode(String name) {
    this(name, NodeProcess::startDevnetValidator);
  }

  private DevnetNode(String name, Function<String, NodeProcess> start) {
    this.name = name;
    this.start = start;
  }

  /** The {@code ailedger devnet} command itself, demo and all. */
  public static DevnetNode devnetCommand(String name) {
    return new DevnetNode(name, NodeProcess::startDevnetCommand);
  }

  /** The running node; only valid inside the test class's lifecycle. */
  public NodeProcess node() {
    if (node == null) {
      throw new IllegalStateException("the node of " + name + " starts before all tests");
    }
    return node;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    node = start.apply(name);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (node != null) {
      node.close();
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (node != null) {
      System.err.println(context.getDisplayName() + " failed; " + node.logTail());
    }
  }
}

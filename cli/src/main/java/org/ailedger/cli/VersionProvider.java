package org.ailedger.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
  /** As {@code web3_clientVersion} reports it: name/version/runtime, like other clients. */
  static String clientVersion() {
    return "ailedger/v0.1.0/java" + Runtime.version().feature();
  }

  @Override
  public String[] getVersion() {
    return new String[] {clientVersion()};
  }
}

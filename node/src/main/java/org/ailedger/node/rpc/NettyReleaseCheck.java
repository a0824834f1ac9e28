package org.ailedger.node.rpc;

import io.netty.channel.Channel;
import io.netty.util.Version;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whether the Netty modules under Vert.x come from one release. Netty's modules call into each
 * other across jars, so one module of another release (pulled in by some other library) breaks them
 * only at run time, and quietly: with netty-codec 4.1 shadowing 4.2's netty-codec-base, the
 * WebSocket upgrade answer dies inside Netty on a missing method, Vert.x believes the handshake
 * accepted, and the client waits for its 101 forever. The server refuses to start instead.
 */
final class NettyReleaseCheck {
  private static final String ANCHOR = "netty-common";

  private NettyReleaseCheck() {}

  /** The mismatch among the modules on the class path that loaded Netty, if any. */
  static Optional<String> onClassPath() {
    Map<String, String> versions = new TreeMap<>();
    Version.identify(Channel.class.getClassLoader())
        .forEach((module, version) -> versions.put(module, version.artifactVersion()));
    return mismatch(versions);
  }

  /**
   * Names the modules whose release differs from netty-common's. Modules numbered on their own
   * (netty-tcnative 2.x, the 0.x incubator transports) have another major version and are not
   * compared; without netty-common there is nothing to compare against.
   */
  static Optional<String> mismatch(Map<String, String> versionsByModule) {
    String release = versionsByModule.get(ANCHOR);
    if (release == null) {
      return Optional.empty();
    }
    String odd =
        new TreeMap<>(versionsByModule)
            .entrySet().stream()
                .filter(e -> major(e.getValue()).equals(major(release)))
                .filter(e -> !e.getValue().equals(release))
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    if (odd.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Netty modules of different releases are on the class path: "
            + ANCHOR
            + " is "
            + release
            + " but "
            + odd
            + "; exclude or align them (WebSocket handshakes go unanswered otherwise)");
  }

  private static String major(String version) {
    int dot = version.indexOf('.');
    return dot < 0 ? version : version.substring(0, dot);
  }
}

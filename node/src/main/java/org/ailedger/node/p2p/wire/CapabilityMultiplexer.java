package org.ailedger.node.p2p.wire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One connection's message-code layout. Codes 0x00–0x0f are p2p's; each capability both sides
 * announce with the same name and version is shared, only the highest shared version of a name is
 * kept, and the shared ones follow in name order, each taking as many codes as its message space.
 */
public final class CapabilityMultiplexer {
  private final List<SharedCapability> shared;

  private CapabilityMultiplexer(List<SharedCapability> shared) {
    this.shared = shared;
  }

  /** The layout for a connection between {@code local} and a peer announcing {@code remote}. */
  public static CapabilityMultiplexer negotiate(
      Collection<SubProtocol> local, Collection<Capability> remote) {
    Map<String, SubProtocol> highestByName = new TreeMap<>();
    for (SubProtocol ours : local) {
      if (!remote.contains(ours.capability())) {
        continue;
      }
      highestByName.merge(
          ours.capability().name(),
          ours,
          (a, b) -> a.capability().version() >= b.capability().version() ? a : b);
    }
    List<SharedCapability> placed = new ArrayList<>(highestByName.size());
    int offset = WireCodes.BASE_PROTOCOL_SPACE;
    for (SubProtocol sub : highestByName.values()) {
      placed.add(new SharedCapability(sub.capability(), offset, sub.messageSpace()));
      offset += sub.messageSpace();
    }
    return new CapabilityMultiplexer(List.copyOf(placed));
  }

  /** The shared capabilities in code order; empty when the peer is useless to us. */
  public List<SharedCapability> shared() {
    return shared;
  }

  /** A received absolute code resolved to its capability and relative code. */
  public record Routed(SharedCapability capability, int relativeCode) {}

  /** Where an absolute code ≥ 0x10 belongs, or empty when no shared capability owns it. */
  public Optional<Routed> route(int absoluteCode) {
    for (SharedCapability cap : shared) {
      if (cap.covers(absoluteCode)) {
        return Optional.of(new Routed(cap, absoluteCode - cap.offset()));
      }
    }
    return Optional.empty();
  }

  /** The shared entry of {@code capability}, or empty when this connection does not share it. */
  public Optional<SharedCapability> find(Capability capability) {
    return shared.stream().filter(s -> s.capability().equals(capability)).findFirst();
  }
}

package org.ailedger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ailedger.node.p2p.peers.StaticNodesFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * No Docker engine runs here, so docker/compose.yaml is checked against what it depends on: the
 * files {@code genesis new} writes for the hosts the compose file's header names. Every service
 * runs its validator's node.args from the mounted network directory, publishes exactly the ports
 * those options open, and is reachable under the host its peers' static-nodes files dial.
 */
class ComposeFileTest {
  private static final int VALIDATORS = 4;

  @TempDir Path dir;
  private Path repo;
  private JsonNode compose;
  private Path network;

  @BeforeEach
  void generateTheNetworkTheComposeFileDocuments() throws Exception {
    repo = Path.of(System.getProperty("ailedger.repo.dir", ".."));
    compose =
        new ObjectMapper(new YAMLFactory()).readTree(repo.resolve("docker/compose.yaml").toFile());
    network = dir.resolve("network");
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < VALIDATORS; i++) {
      hosts.add("validator-" + i);
    }
    int exit =
        new CommandLine(new AiLedger())
            .setOut(new PrintWriter(new StringWriter()))
            .execute(
                "genesis",
                "new",
                "--validators",
                "" + VALIDATORS,
                "--out",
                network.toString(),
                "--p2p-hosts",
                String.join(",", hosts));
    assertThat(exit).isZero();
  }

  @Test
  void oneServicePerValidatorNamedAsItsPeersDialIt() {
    List<String> services = new ArrayList<>();
    // services behind a profile (monitoring) start only when asked for
    compose
        .get("services")
        .properties()
        .forEach(
            service -> {
              if (!service.getValue().has("profiles")) {
                services.add(service.getKey());
              }
            });

    assertThat(services)
        .containsExactly("validator-0", "validator-1", "validator-2", "validator-3");
    for (int i = 0; i < VALIDATORS; i++) {
      for (var enode : StaticNodesFile.read(staticNodes(i))) {
        assertThat(services).contains(enode.host());
      }
    }
  }

  @Test
  void eachServiceRunsItsNodeArgsFromTheMountedNetworkDirectory() throws Exception {
    for (int i = 0; i < VALIDATORS; i++) {
      JsonNode service = compose.get("services").get("validator-" + i);
      String workDir = service.get("working_dir").asText();

      assertThat(service.get("volumes").get(0).asText()).isEqualTo("./network:" + workDir);
      List<String> command = strings(service.get("command"));
      assertThat(command).startsWith("node", "@validator-" + i + "/node.args");
      assertThat(command).contains("--rpc-host=0.0.0.0", "--p2p-interface=0.0.0.0");
      // every file node.args names exists relative to the network directory it runs from
      for (Map.Entry<String, String> option : nodeArgs(i).entrySet()) {
        if (option.getKey().endsWith("-file")) {
          assertThat(network.resolve(option.getValue())).exists();
        }
      }
    }
  }

  @Test
  void eachServicePublishesExactlyThePortsItsNodeArgsOpen() throws Exception {
    for (int i = 0; i < VALIDATORS; i++) {
      Map<String, String> args = nodeArgs(i);
      List<String> expected =
          List.of(
                  args.get("--rpc-http-port"),
                  args.get("--rpc-ws-port"),
                  args.get("--metrics-port"),
                  args.get("--p2p-port"))
              .stream()
              .map(port -> port + ":" + port)
              .toList();

      assertThat(strings(compose.get("services").get("validator-" + i).get("ports")))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void theMonitoringProfileScrapesEveryValidatorsMetricsPort() throws Exception {
    JsonNode prometheus = compose.get("services").get("prometheus");
    assertThat(strings(prometheus.get("profiles"))).containsExactly("monitoring");
    assertThat(strings(compose.get("services").get("grafana").get("profiles")))
        .containsExactly("monitoring");
    JsonNode scrape =
        new ObjectMapper(new YAMLFactory())
            .readTree(repo.resolve("docker/prometheus/prometheus.yml").toFile());
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < VALIDATORS; i++) {
      expected.add("validator-" + i + ":" + nodeArgs(i).get("--metrics-port"));
    }

    assertThat(
            strings(
                scrape.get("scrape_configs").get(0).get("static_configs").get(0).get("targets")))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private Path staticNodes(int i) {
    return network.resolve("validator-" + i).resolve(StaticNodesFile.DEFAULT_NAME);
  }

  private Map<String, String> nodeArgs(int i) throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    for (String line : Files.readAllLines(network.resolve("validator-" + i + "/node.args"))) {
      int eq = line.indexOf('=');
      args.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return args;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}

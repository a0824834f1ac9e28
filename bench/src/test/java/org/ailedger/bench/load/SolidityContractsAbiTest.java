package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Solidity versions deployed on anvil are called exactly as the native contracts: every
 * function and event they have is in the chaincode interface with the same types, indexed flags and
 * outputs, so the load generator's calls and an indexer's event decoding work on both.
 */
class SolidityContractsAbiTest {
  /** Wiring and bounds the Solidity versions need for themselves; callers never use them. */
  private static final Set<String> BENCH_ONLY =
      Set.of(
          "function permissions()->(address)",
          "function provenance()->(address)",
          "function maxRewardPerRound()->(uint256)",
          "function MAX_METADATA_URI_BYTES()->(uint256)",
          "function MAX_URI_BYTES()->(uint256)",
          "function MAX_LICENSE_BYTES()->(uint256)");

  @ParameterizedTest
  @CsvSource({
    "BenchPermissions, Permissions",
    "BenchDataProvenance, DataProvenance",
    "BenchModelRegistry, ModelRegistry"
  })
  void everyEntryIsTheNativeContractsOwn(String solidity, String nativeName) throws IOException {
    Set<String> bench = entries(read("/solidity/" + solidity + ".json").path("abi"));
    Set<String> nativeAbi = entries(read("/abi/" + nativeName + ".json"));
    bench.removeAll(BENCH_ONLY);

    assertThat(nativeAbi).containsAll(bench);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "BenchModelRegistry | function submitUpdate(bytes32,uint64,bytes32,bytes32[],uint64,bytes32)->()",
        "BenchModelRegistry | event UpdateSubmitted(bytes32 indexed,uint64 indexed,address indexed,bytes32,uint64)",
        "BenchModelRegistry | event UpdateDatasets(bytes32 indexed,uint64 indexed,address indexed,bytes32[],bytes32)",
        "BenchDataProvenance | function isTainted(bytes32)->(bool)",
        "BenchPermissions | function hasRole(bytes32,address)->(bool)"
      })
  void theWorkloadsEntriesArePresent(String solidity, String entry) throws IOException {
    assertThat(entries(read("/solidity/" + solidity + ".json").path("abi"))).contains(entry);
  }

  private static Set<String> entries(JsonNode abi) {
    Set<String> entries = new TreeSet<>();
    for (JsonNode entry : abi) {
      String type = entry.path("type").asText();
      if (type.equals("function")) {
        entries.add(
            "function "
                + entry.path("name").asText()
                + "("
                + types(entry.path("inputs"), false)
                + ")->("
                + types(entry.path("outputs"), false)
                + ")");
      } else if (type.equals("event")) {
        entries.add(
            "event " + entry.path("name").asText() + "(" + types(entry.path("inputs"), true) + ")");
      }
    }
    return entries;
  }

  private static String types(JsonNode parameters, boolean withIndexed) {
    StringBuilder out = new StringBuilder();
    for (JsonNode parameter : parameters) {
      if (!out.isEmpty()) {
        out.append(',');
      }
      out.append(parameter.path("type").asText());
      if (withIndexed && parameter.path("indexed").asBoolean()) {
        out.append(" indexed");
      }
    }
    return out.toString();
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = SolidityContractsAbiTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the class path").isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }
}

package org.ailedger.node.execution.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ailedger.evm.frame.MessageProcessor;
import org.ailedger.evm.precompile.PrecompiledContract;
import org.ailedger.evm.precompile.StandardPrecompiles;
import org.ailedger.evm.tx.TransactionProcessor;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Cancun expectation of ethereum/tests' GeneralStateTests as one test: the transaction runs
 * on the EVM against the {@code pre} accounts, and the post-state root (the node's trie), the logs
 * hash and an expected rejection must match. {@code -Dstate.tests.folders=a,b} selects folders,
 * {@code -Dstate.tests.filter=text} the cases whose id contains the text; {@code stTimeConsuming}
 * and {@code VMTests/vmPerformance} run only with {@code -Dstate.tests.all=true} (the folder also
 * when named).
 */
class GeneralStateTestsTest {
  private static final Set<String> SLOW_FOLDERS = Set.of("stTimeConsuming");

  /**
   * Loops of millions of iterations: two thirds of the default run's time for 23 cases, so they run
   * only with {@code state.tests.all}, like the slow folder.
   */
  private static final String SLOW_FILES = "VMTests/vmPerformance/";

  private static final Path ROOT =
      Path.of(System.getProperty("test.vectors.dir", "../../shared/test-vectors/ethereum-tests"))
          .resolve("GeneralStateTests");

  private final StateTestLoader loader = new StateTestLoader();
  private final TransactionProcessor processor =
      new TransactionProcessor(new MessageProcessor(precompiles()));
  private final Map<String, int[]> passedAndRun = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentSkipListMap<>();

  /** Built once: loading the native libraries and the KZG setup takes seconds. */
  private static final Map<Integer, PrecompiledContract> PRECOMPILES = StandardPrecompiles.cancun();

  /** The one place the runner takes its precompiles from. */
  static Map<Integer, PrecompiledContract> precompiles() {
    return PRECOMPILES;
  }

  @TestFactory
  Stream<DynamicNode> cancunExpectations() throws IOException {
    return Stream.concat(folders().map(this::folder), Stream.of(summary()));
  }

  private Stream<Path> folders() throws IOException {
    String selected = System.getProperty("state.tests.folders", "");
    boolean all = Boolean.getBoolean("state.tests.all");
    Set<String> chosen =
        selected.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(selected.split(",")));
    try (Stream<Path> list = Files.list(ROOT)) {
      return list
          .filter(Files::isDirectory)
          .filter(p -> chosen.isEmpty() || chosen.contains(p.getFileName().toString()))
          .filter(
              p ->
                  all
                      || !SLOW_FOLDERS.contains(p.getFileName().toString())
                      || chosen.contains(p.getFileName().toString()))
          .sorted()
          .toList()
          .stream();
    }
  }

  private DynamicContainer folder(Path folder) {
    String name = folder.getFileName().toString();
    return DynamicContainer.dynamicContainer(
        name,
        files(folder)
            .filter(
                file ->
                    Boolean.getBoolean("state.tests.all")
                        || !ROOT.relativize(file)
                            .toString()
                            .replace('\\', '/')
                            .startsWith(SLOW_FILES))
            .flatMap(file -> loader.load(ROOT, file).stream())
            .filter(c -> c.id().contains(System.getProperty("state.tests.filter", "")))
            .map(this::test));
  }

  private static Stream<Path> files(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DynamicTest test(StateTestCase c) {
    return DynamicTest.dynamicTest(
        c.id(),
        () -> {
          int[] counts = passedAndRun.computeIfAbsent(c.folder(), f -> new int[2]);
          counts[1]++;
          String failure = StateTestVerdict.of(c, processor);
          if (!failure.isEmpty()) {
            failures.put(c.id(), failure);
          }
          assertThat(failure).as(c.id()).isEmpty();
          counts[0]++;
        });
  }

  private DynamicTest summary() {
    return DynamicTest.dynamicTest(
        "pass counts per folder",
        () -> {
          Map<String, int[]> sorted = new TreeMap<>(passedAndRun);
          String report =
              sorted.entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1])
                  .collect(Collectors.joining("\n"));
          System.out.println("GeneralStateTests passed/run by folder:\n" + report);
          if (System.getProperty("state.tests.filter", "").isEmpty()) {
            Properties floors = new Properties();
            try (var in = getClass().getResourceAsStream("state-test-floors.properties")) {
              floors.load(in);
            }
            sorted.forEach(
                (folder, counts) ->
                    assertThat(counts[0])
                        .as("cases of %s that pass (the recorded floor)", folder)
                        .isGreaterThanOrEqualTo(Integer.parseInt(floors.getProperty(folder, "0"))));
          }
          // the failing ids with their reasons, for triage beside surefire's numbered names
          Path out = Path.of("target", "state-tests-failures.txt");
          Files.createDirectories(out.getParent());
          Files.write(
              out,
              failures.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList());
        });
  }
}

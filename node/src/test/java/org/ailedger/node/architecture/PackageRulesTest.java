package org.ailedger.node.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The node's layering, checked on the compiled classes so a shortcut fails the build instead of
 * growing into a loop: top-level packages form no cycle, and the core (blocks, chain, execution,
 * state, storage, transactions, pool) imports nothing that sits on top of it.
 */
class PackageRulesTest {
  private static final JavaClasses NODE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ailedger.node");

  @Test
  void topLevelPackagesFormNoCycle() {
    slices().matching("org.ailedger.node.(*)..").should().beFreeOfCycles().check(NODE);
  }

  // rpc's registry (RpcMethods) and its method packages still import each other; the rest holds
  @Test
  void noTwoPackagesAtAnyDepthDependOnEachOtherOutsideRpc() {
    slices()
        .matching("org.ailedger.node.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            JavaClass.Predicates.resideInAPackage("org.ailedger.node.rpc.."),
            JavaClass.Predicates.resideInAPackage("org.ailedger.node.rpc.."))
        .check(NODE);
  }

  @Test
  void theCoreKnowsNeitherConsensusNorTheNetworkNorTheWiring() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.ailedger.node.block..",
            "org.ailedger.node.chain..",
            "org.ailedger.node.execution..",
            "org.ailedger.node.state..",
            "org.ailedger.node.storage..",
            "org.ailedger.node.tx..",
            "org.ailedger.node.txpool..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.ailedger.node.consensus..",
            "org.ailedger.node.genesis..",
            "org.ailedger.node.rpc..",
            "org.ailedger.node.metrics..",
            "org.ailedger.node.p2p..",
            "org.ailedger.node.sync..",
            "org.ailedger.node.app..")
        .check(NODE);
  }

  @Test
  void nothingButTheWiringImportsTheWiring() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.ailedger.node.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ailedger.node.app..")
        .check(NODE);
  }
}

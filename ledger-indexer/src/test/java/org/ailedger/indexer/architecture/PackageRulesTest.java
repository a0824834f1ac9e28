package org.ailedger.indexer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The indexer's layering on the compiled classes: no package cycle; the store and ingestion know
 * nothing of the HTTP API above them; only the wiring ({@code app}) knows everything, and only it
 * knows the metrics.
 */
class PackageRulesTest {
  private static final JavaClasses INDEXER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ailedger.indexer");

  @Test
  void noTwoPackagesDependOnEachOther() {
    slices().matching("org.ailedger.indexer.(**)").should().beFreeOfCycles().check(INDEXER);
  }

  @Test
  void storeIngestionAndEventsKnowNeitherTheApiNorTheWiring() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.ailedger.indexer.event..",
            "org.ailedger.indexer.store..",
            "org.ailedger.indexer.ingest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.ailedger.indexer.api..", "org.ailedger.indexer.app..")
        .check(INDEXER);
  }

  @Test
  void theApiKnowsTheStoreButNeverTheWiring() {
    noClasses()
        .that()
        .resideInAPackage("org.ailedger.indexer.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ailedger.indexer.app..")
        .check(INDEXER);
  }

  @Test
  void onlyTheWiringKnowsTheMetrics() {
    // ingestion and the API report through their own observer interfaces, which metrics implements
    noClasses()
        .that()
        .resideOutsideOfPackages("org.ailedger.indexer.metrics..", "org.ailedger.indexer.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ailedger.indexer.metrics..")
        .check(INDEXER);
  }
}

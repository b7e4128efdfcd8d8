package org.xbarlab.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The module rules of STYLE.md B2, checked on the compiled classes of every module (cli sees them all): edges
 * point down only, nothing imports another module's {@code internal} package, and only the command line prints
 * or uses unseeded randomness.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Test jars of other modules (sim-core's test base) are tests too, not production code.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.xbarlab");
    }

    @Test
    void moduleEdgesPointDownOnly() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("org.xbarlab.cli..")
                .layer("reports").definedBy("org.xbarlab.reports..")
                .layer("algorithms").definedBy("org.xbarlab.algorithms..")
                .layer("calibration").definedBy("org.xbarlab.calibration..")
                .layer("crossbar").definedBy("org.xbarlab.crossbar..")
                .layer("devices").definedBy("org.xbarlab.devices..")
                .layer("core").definedBy("org.xbarlab.core..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("reports").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("algorithms").mayOnlyBeAccessedByLayers("reports", "cli")
                .whereLayer("calibration").mayOnlyBeAccessedByLayers("reports", "cli")
                .whereLayer("crossbar").mayOnlyBeAccessedByLayers("algorithms", "reports", "cli")
                .whereLayer("devices")
                .mayOnlyBeAccessedByLayers("crossbar", "calibration", "algorithms", "reports", "cli")
                .allowEmptyShould(true);
        layers.check(classes);
    }

    @Test
    void internalPackagesStayInsideTheirModule() {
        for (String module : new String[] {"core", "devices", "crossbar", "algorithms", "calibration", "reports"}) {
            noClasses().that().resideOutsideOfPackage("org.xbarlab." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.xbarlab." + module + ".internal..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void onlyTheCommandLinePrints() {
        noClasses().that().resideOutsideOfPackage("org.xbarlab.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(System.class, "exit", int.class)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void randomnessComesFromNamedSeededStreams() {
        noClasses()
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(StrictMath.class, "random")
                .allowEmptyShould(true)
                .check(classes);
    }
}

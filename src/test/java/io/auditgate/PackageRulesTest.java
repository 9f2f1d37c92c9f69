package io.auditgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package structure of docs/architecture.md, enforced on the compiled main classes: features depend on
 * each other in one direction only, the audit trail does not read telemetry, and nothing on the request path
 * reaches the tools that ship as their own jars (simulator, load generator, verifier, query runner).
 */
class PackageRulesTest {

    private static final String[] TOOLS = {
            "io.auditgate.simulator..", "io.auditgate.bench..", "io.auditgate.verifier..", "io.auditgate.queries.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.auditgate");

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("io.auditgate.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void subpackagesFormNoCycleWithinAFeature() {
        slices().matching("io.auditgate.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void auditDoesNotDependOnTelemetry() {
        noClasses().that().resideInAPackage("io.auditgate.audit..")
                .should().dependOnClassesThat().resideInAPackage("io.auditgate.telemetry..")
                .check(MAIN);
    }

    @Test
    void requestPathDoesNotReachTheTools() {
        noClasses().that().resideOutsideOfPackages(TOOLS)
                .should().dependOnClassesThat().resideInAnyPackage(TOOLS)
                .check(MAIN);
    }
}

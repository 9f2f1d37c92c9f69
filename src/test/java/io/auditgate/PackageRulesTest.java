package io.auditgate;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.RequestScoped;
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

    @Test
    void theCoreAndTheFeaturesItCallsKnowNoEndpoint() {
        noClasses().that().resideOutsideOfPackages("io.auditgate.invoke..")
                .should().dependOnClassesThat().resideInAPackage("io.auditgate.invoke..")
                .check(MAIN);
    }

    /** The OpenAI-compatible API is an endpoint like /invoke: nothing else knows it, and it knows no other endpoint. */
    @Test
    void nothingDependsOnTheOpenAiEndpoint() {
        noClasses().that().resideOutsideOfPackages("io.auditgate.openai..")
                .should().dependOnClassesThat().resideInAPackage("io.auditgate.openai..")
                .check(MAIN);
    }

    /** The container's error page shapes errors for both endpoints, so it knows neither, and nothing knows it. */
    @Test
    void theErrorPageKnowsNoEndpointAndNothingKnowsIt() {
        noClasses().that().resideInAPackage("io.auditgate.errorpage..")
                .should().dependOnClassesThat().resideInAnyPackage("io.auditgate.invoke..", "io.auditgate.openai..")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackage("io.auditgate.errorpage..")
                .should().dependOnClassesThat().resideInAPackage("io.auditgate.errorpage..")
                .check(MAIN);
    }

    /** The endpoints, the HTTP plumbing they share, the error page, and the two error writers they all share. */
    @Test
    void onlyEndpointsSpeakHttp() {
        noClasses().that().resideOutsideOfPackages("io.auditgate.invoke..", "io.auditgate.openai..",
                        "io.auditgate.http..", "io.auditgate.contract..", "io.auditgate.problem..",
                        "io.auditgate.errorpage..")
                .and().resideOutsideOfPackages(TOOLS)
                .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
                .check(MAIN);
    }

    @Test
    void conversationTypesAndProcessDecisionsDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("io.auditgate.conversation..", "io.auditgate.process..")
                .should().dependOnClassesThat(resideInAPackage("io.auditgate..")
                        .and(resideOutsideOfPackages("io.auditgate.conversation..", "io.auditgate.process..")))
                .check(MAIN);
    }

    /** Per-request state is a value passed along (request.Exchange), never a bean of the request scope. */
    @Test
    void noBeanLivesInTheRequestScope() {
        noClasses().should().beAnnotatedWith(RequestScoped.class).check(MAIN);
        noMethods().should().beAnnotatedWith(RequestScoped.class).check(MAIN);
    }
}

package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.DefaultStackSynthesizerProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cloudformation.include.CfnInclude;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.cxapi.SynthesisMessageLevel;

/**
 * cloudformation/auditgate.yaml through cdk-nag's AwsSolutions, HIPAA Security and NIST 800-53 rev 5 packs.
 * Suppressions live in the template, next to the resource they concern (Metadata.cdk_nag.rules_to_suppress), and are
 * listed with their reasons in docs/deploy.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudFormationComplianceTest {

    private static final String STACK = "AuditGate";
    private static final List<String> PACKS = List.of("AwsSolutions", "HIPAA.Security", "NIST.800.53.R5");
    private static final Pattern RULE_ID = Pattern.compile("^(AwsSolutions|HIPAA\\.Security|NIST\\.800\\.53\\.R5)-[A-Za-z0-9]+$");
    private static final List<String> VAGUE_REASONS = List.of("not needed", "not required", "false positive", "n/a",
            "not applicable", "ignore", "todo", "later", "accepted", "by design");

    private final CfnTemplate template = CfnTemplate.load();
    private List<SynthesisMessage> messages;
    private List<NagReportRow> report;

    @BeforeAll
    void synthesizeWithTheThreePacks() throws IOException {
        Path outDir = Path.of("target", "cdk-out");
        Files.createDirectories(outDir);
        App app = new App(AppProps.builder().outdir(outDir.toString()).build());
        Stack stack = new Stack(app, STACK, StackProps.builder()
                .synthesizer(new DefaultStackSynthesizer(DefaultStackSynthesizerProps.builder()
                        .generateBootstrapVersionRule(false).build()))
                .build());
        CfnInclude.Builder.create(stack, "Template").templateFile(CfnTemplate.PATH.toString()).build();
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        Aspects.of(app).add(HIPAASecurityChecks.Builder.create().verbose(true).build());
        Aspects.of(app).add(NIST80053R5Checks.Builder.create().verbose(true).build());
        messages = app.synth().getStackByName(STACK).getMessages();
        report = new ArrayList<>();
        for (String pack : PACKS) {
            report.addAll(NagReportRow.read(outDir.resolve(pack + "-" + STACK + "-NagReport.csv")));
        }
    }

    @Test
    void theThreePacksFindNoUnsuppressedErrorsOrWarnings() {
        List<String> findings = messages.stream()
                .filter(m -> m.getLevel() == SynthesisMessageLevel.ERROR || m.getLevel() == SynthesisMessageLevel.WARNING)
                .map(m -> m.getLevel() + " " + m.getId() + ": " + m.getEntry().getData())
                .toList();

        assertThat(findings).as("cdk-nag findings").isEmpty();
        assertThat(report).noneMatch(row -> row.compliance().equals("Non-Compliant"));
        System.out.println(summary());
    }

    @Test
    void everyPackRanRulesAgainstTheTemplate() {
        for (String pack : PACKS) {
            assertThat(report).as(pack).anyMatch(row -> row.ruleId().startsWith(pack + "-") && row.compliance().equals("Compliant"));
        }
    }

    @Test
    void everySuppressionNamesAPackRuleAndGivesASpecificReason() {
        List<Suppression> suppressions = suppressions();

        assertThat(suppressions).isNotEmpty();
        assertThat(suppressions).allSatisfy(s -> {
            assertThat(s.ruleId()).as(s.toString()).matches(RULE_ID);
            assertThat(s.reason()).as(s.toString()).hasSizeGreaterThanOrEqualTo(60);
            assertThat(VAGUE_REASONS).as(s.toString()).noneMatch(v -> s.reason().toLowerCase(Locale.ROOT).strip().equals(v));
        });
        assertThat(suppressions.stream().map(s -> s.logicalId() + " " + s.ruleId() + " " + s.appliesTo())).doesNotHaveDuplicates();
    }

    @Test
    void everySuppressionSilencesAFindingThatWouldOtherwiseBeReported() {
        for (Suppression s : suppressions()) {
            assertThat(report).as("suppression still needed: " + s)
                    .anyMatch(row -> row.ruleId().equals(s.ruleId())
                            && row.resourceId().endsWith("/" + s.logicalId())
                            && row.compliance().equals("Suppressed"));
        }
    }

    @Test
    void everySuppressionIsExplainedInTheDeployGuide() throws IOException {
        List<String> guide = Files.readAllLines(Path.of("docs", "deploy.md"));
        for (Suppression s : suppressions()) {
            assertThat(guide).as("docs/deploy.md row for " + s)
                    .anyMatch(line -> line.startsWith("|") && line.contains(s.ruleId()) && line.contains(s.logicalId()));
        }
    }

    private List<Suppression> suppressions() {
        List<Suppression> suppressions = new ArrayList<>();
        template.root().path("Resources").fields().forEachRemaining(resource -> {
            for (JsonNode rule : resource.getValue().path("Metadata").path("cdk_nag").path("rules_to_suppress")) {
                suppressions.add(new Suppression(resource.getKey(), rule.path("id").asText(), rule.path("reason").asText(),
                        CfnTemplate.strings(rule.path("applies_to"))));
            }
        });
        return suppressions;
    }

    private String summary() {
        long rules = report.stream().map(NagReportRow::ruleId).distinct().count();
        long compliant = report.stream().filter(r -> r.compliance().equals("Compliant")).count();
        long suppressed = report.stream().filter(r -> r.compliance().equals("Suppressed")).count();
        long notApplicable = report.stream().filter(r -> r.compliance().equals("Not Applicable")).count();
        return "cdk-nag: %d rules with results, %d compliant, %d suppressed, %d not applicable, %d template suppressions"
                .formatted(rules, compliant, suppressed, notApplicable, suppressions().size());
    }

    private record Suppression(String logicalId, String ruleId, String reason, List<String> appliesTo) {
    }
}

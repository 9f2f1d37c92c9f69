package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditgate.problem.ProblemType;
import org.junit.jupiter.api.Test;

/** Issue 19's Minor list, where the template does it: retained logs, alarms, the lifecycle rule after retention. */
class OperationsTemplateTest {

    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void everyLogGroupOutlivesTheStack() {
        for (String group : template.logicalIdsOfType("AWS::Logs::LogGroup")) {
            assertThat(template.resource(group).path("DeletionPolicy").asText()).as(group).isEqualTo("Retain");
        }
    }

    @Test
    void aDeadAgentRaisesTheBacklogAlarmAndMissingInstancesRaiseTheirs() {
        assertThat(template.properties("AuditBacklogAlarm").path("TreatMissingData").asText()).isEqualTo("breaching");
        assertThat(template.properties("InServiceBelowMinimumAlarm").at("/Threshold/Ref").asText()).isEqualTo("MinSize");
        assertThat(template.properties("InServiceBelowMinimumAlarm").path("ComparisonOperator").asText()).isEqualTo("LessThanThreshold");
        assertThat(template.properties("UnauthorizedMetricFilter").path("FilterPattern").asText()).isEqualTo("{ $.status = 401 }");
        assertThat(template.properties("UnauthorizedSpikeAlarm").path("MetricName").asText()).isEqualTo("Unauthorized");
    }

    /** The Athena console lists work groups, catalogs, databases and tables before an auditor can run a query. */
    @Test
    void auditorsMayUseTheAthenaConsoleNotOnlyTheApi() {
        var allowed = new java.util.HashSet<String>();
        for (var statement : CfnTemplate.statements(template.properties("AuditorReadOnlyPolicy").path("PolicyDocument"))) {
            if (statement.path("Effect").asText().equals("Allow")) {
                allowed.addAll(CfnTemplate.strings(statement.path("Action")));
                if (statement.toString().contains("s3:Put")) { // only the query results, never the evidence
                    assertThat(statement.at("/Resource/Fn::Sub").asText()).startsWith("${AthenaResultsBucket.Arn}/");
                }
            }
        }

        assertThat(allowed).contains("athena:ListWorkGroups", "athena:GetWorkGroup", "athena:ListDataCatalogs",
                "athena:ListDatabases", "athena:ListTableMetadata", "athena:GetTableMetadata",
                "athena:StartQueryExecution", "athena:GetQueryResults", "glue:GetTables", "glue:GetPartitions");
        assertThat(allowed).noneMatch(action -> action.endsWith("*") || action.startsWith("s3:Delete")
                || action.startsWith("glue:Update") || action.startsWith("glue:Create"));
    }

    @Test
    void bedrockThrottlesSeenByClientsRaiseAnAlarmButTenantLimitsDoNot() {
        String pattern = template.properties("BedrockThrottledMetricFilter").path("FilterPattern").asText();

        assertThat(pattern).isEqualTo("{ $.problem_type = \"" + ProblemType.THROTTLED.slug() + "\" }")
                .doesNotContain(ProblemType.RATE_LIMITED.slug(), ProblemType.BUDGET_EXHAUSTED.slug());
        assertThat(template.properties("BedrockThrottledMetricFilter").at("/LogGroupName/Ref").asText()).isEqualTo("RequestLogGroup");
        assertThat(template.properties("BedrockThrottledAlarm").path("MetricName").asText()).isEqualTo("BedrockThrottled");
        assertThat(template.properties("BedrockThrottledAlarm").at("/Threshold/Ref").asText()).isEqualTo("BedrockThrottledThreshold");
    }

    @Test
    void anInstanceThatStopsStoringDigestsRaisesTheFreshnessAlarm() {
        var alarm = template.properties("DigestFreshnessAlarm");
        String userData = template.properties("LaunchTemplate").at("/LaunchTemplateData/UserData/Fn::Base64/Fn::Sub/0").asText();

        assertThat(alarm.path("MetricName").asText()).isEqualTo("auditgate_audit_digest_age_seconds");
        assertThat(alarm.path("Statistic").asText()).isEqualTo("Maximum");
        assertThat(alarm.at("/Threshold/Ref").asText()).isEqualTo("DigestMaxAgeSeconds");
        // the agent forwards the gauge: without the selector the alarm would never see data
        assertThat(userData).contains("\"^auditgate_audit_digest_age_seconds$\"");
        // above the 15-minute digest interval, or every instance would alarm between two digests
        assertThat(template.root().at("/Parameters/DigestMaxAgeSeconds/MinValue").asInt()).isGreaterThan(900);
    }

    @Test
    void theAuditBucketExpiresObjectsOnlyAfterTheRetention() {
        var rule = template.properties("AuditBucket").at("/LifecycleConfiguration/Rules/0");

        assertThat(rule.at("/ExpirationInDays/Ref").asText()).isEqualTo("AuditRetentionDays");
        assertThat(rule.at("/NoncurrentVersionExpiration/NoncurrentDays").asInt()).isGreaterThan(1);
    }
}

package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void theAuditBucketExpiresObjectsOnlyAfterTheRetention() {
        var rule = template.properties("AuditBucket").at("/LifecycleConfiguration/Rules/0");

        assertThat(rule.at("/ExpirationInDays/Ref").asText()).isEqualTo("AuditRetentionDays");
        assertThat(rule.at("/NoncurrentVersionExpiration/NoncurrentDays").asInt()).isGreaterThan(1);
    }
}

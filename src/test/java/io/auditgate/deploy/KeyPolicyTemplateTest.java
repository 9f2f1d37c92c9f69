package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, KMS keys an administrator cannot quietly break: deletion, disabling and policy changes only for the
 * break-glass role, signing only for the gateway's instance role, grants only for AWS services, and alarms on
 * tampering with the keys or the audit bucket.
 */
class KeyPolicyTemplateTest {

    private static final List<String> KEYS = List.of("AuditKey", "SigningKey", "OpsKey", "EbsKey");

    private final CfnTemplate template = CfnTemplate.load();

    private List<JsonNode> denies(String key) {
        return CfnTemplate.statements(template.properties(key).path("KeyPolicy")).stream()
                .filter(s -> s.path("Effect").asText().equals("Deny")).toList();
    }

    @Test
    void onlyTheBreakGlassRoleDeletesDisablesOrRewritesAKey() {
        for (String key : KEYS) {
            assertThat(denies(key)).as(key).anySatisfy(s -> {
                assertThat(CfnTemplate.strings(s.path("Action")))
                        .contains("kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy");
                assertThat(s.at("/Principal/AWS").asText()).isEqualTo("*");
                assertThat(s.at("/Condition/ArnNotEquals/aws:PrincipalArn/Ref").asText()).isEqualTo("BreakGlassRoleArn");
            });
            assertThat(template.properties(key).path("BypassPolicyLockoutSafetyCheck").asBoolean()).as(key).isTrue();
        }
        assertThat(template.root().at("/Parameters/BreakGlassRoleArn/AllowedPattern").asText()).contains(":role/");
    }

    @Test
    void grantsAreForAwsServicesOnly() {
        for (String key : KEYS) {
            assertThat(denies(key)).as(key).anySatisfy(s -> {
                assertThat(CfnTemplate.strings(s.path("Action"))).containsExactly("kms:CreateGrant");
                assertThat(s.at("/Condition/BoolIfExists/kms:GrantIsForAWSResource").asText()).isEqualTo("false");
            });
        }
    }

    @Test
    void everyVolumeIsEncryptedWithTheStacksEbsKeyWhichAutoScalingMayUse() {
        template.properties("LaunchTemplate").at("/LaunchTemplateData/BlockDeviceMappings").forEach(m ->
                assertThat(m.at("/Ebs/KmsKeyId/Fn::GetAtt/0").asText()).as(m.toString()).isEqualTo("EbsKey"));
        assertThat(CfnTemplate.statements(template.properties("EbsKey").path("KeyPolicy")))
                .filteredOn(s -> s.path("Effect").asText().equals("Allow"))
                .filteredOn(s -> s.toString().contains("AWSServiceRoleForAutoScaling"))
                .hasSize(2)
                .anySatisfy(s -> assertThat(s.at("/Condition/Bool/kms:GrantIsForAWSResource").asText()).isEqualTo("true"));
    }

    @Test
    void onlyTheInstanceRoleSigns() {
        String role = template.properties("InstanceRole").at("/RoleName/Fn::Sub").asText();

        assertThat(role).isEqualTo("${AWS::StackName}-gateway-instance");
        assertThat(denies("SigningKey")).anySatisfy(s -> {
            assertThat(CfnTemplate.strings(s.path("Action"))).containsExactly("kms:Sign");
            assertThat(s.at("/Condition/ArnNotEquals/aws:PrincipalArn/Fn::Sub").asText())
                    .isEqualTo("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/" + role);
        });
    }

    @Test
    void tamperingWithTheKeysOrTheAuditBucketRaisesAnAlarm() {
        JsonNode keys = template.properties("KeyTamperRule").path("EventPattern");
        JsonNode bucket = template.properties("AuditBucketTamperRule").path("EventPattern");

        assertThat(CfnTemplate.strings(keys.at("/detail/eventName")))
                .contains("ScheduleKeyDeletion", "DisableKey", "PutKeyPolicy", "CreateGrant");
        assertThat(keys.at("/detail/resources/ARN").toString()).contains("AuditKey", "SigningKey", "OpsKey", "EbsKey");
        assertThat(CfnTemplate.strings(bucket.at("/detail/eventName")))
                .contains("PutBucketPolicy", "DeleteBucketPolicy", "PutBucketObjectLockConfiguration");
        assertThat(bucket.at("/detail/requestParameters/bucketName/0/Ref").asText()).isEqualTo("AuditBucket");
        for (String rule : List.of("KeyTamperRule", "AuditBucketTamperRule")) {
            assertThat(template.properties(rule).at("/Targets/0/Arn/Ref").asText()).isEqualTo("AlarmTopic");
        }
        assertThat(template.properties("KeyTamperAlarm").at("/Dimensions/0/Value/Ref").asText()).isEqualTo("KeyTamperRule");
        assertThat(template.properties("AuditBucketTamperAlarm").at("/Dimensions/0/Value/Ref").asText())
                .isEqualTo("AuditBucketTamperRule");
        assertThat(template.properties("AlarmTopicPolicy").toString()).contains("events.amazonaws.com");
    }
}

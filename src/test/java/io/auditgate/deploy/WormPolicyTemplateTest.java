package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, WORM by AWS policy: the audit bucket's policy, not only the gateway's configuration, makes every write
 * a COMPLIANCE-locked, never-overwriting one for at least the retention and at most its cap.
 */
class WormPolicyTemplateTest {

    private final CfnTemplate template = CfnTemplate.load();

    private List<JsonNode> denies(String action) {
        return CfnTemplate.statements(template.properties("AuditBucketPolicy").path("PolicyDocument")).stream()
                .filter(s -> s.path("Effect").asText().equals("Deny"))
                .filter(s -> s.path("Principal").asText().equals("*"))
                .filter(s -> CfnTemplate.strings(s.path("Action")).contains(action))
                .filter(s -> s.at("/Resource/Fn::Sub").asText().equals("${AuditBucket.Arn}/*"))
                .toList();
    }

    @Test
    void everyWriteMustCarryAComplianceLock() {
        assertThat(denies("s3:PutObject")).anySatisfy(s ->
                assertThat(s.at("/Condition/StringNotEquals/s3:object-lock-mode").asText()).isEqualTo("COMPLIANCE"));
    }

    @Test
    void everyWriteMustBeLockedAtLeastForTheRetention() {
        assertThat(denies("s3:PutObject")).anySatisfy(s ->
                assertThat(s.at("/Condition/NumericLessThan/s3:object-lock-remaining-retention-days/Ref").asText())
                        .isEqualTo("AuditRetentionDays"));
        assertThat(denies("s3:PutObject")).anySatisfy(s ->
                assertThat(s.at("/Condition/Null/s3:object-lock-remaining-retention-days").asText()).isEqualTo("true"));
        // the gateway locks one day longer than the policy's minimum, so rounding never refuses its writes
        assertThat(template.properties("LaunchTemplate").at("/LaunchTemplateData/UserData/Fn::Base64/Fn::Sub/0").asText())
                .contains("AUDIT_RETENTION=P$(( ${AuditRetentionDays} + 1 ))D");
    }

    @Test
    void retentionIsCappedOnWritesAndOnPutObjectRetention() {
        for (String action : List.of("s3:PutObject", "s3:PutObjectRetention")) {
            assertThat(denies(action)).as(action).anySatisfy(s ->
                    assertThat(s.at("/Condition/NumericGreaterThan/s3:object-lock-remaining-retention-days/Ref").asText())
                            .isEqualTo("AuditRetentionCapDays"));
        }
    }

    @Test
    void writesAreConditionalSoNothingIsOverwritten() {
        assertThat(denies("s3:PutObject")).anySatisfy(s ->
                assertThat(s.at("/Condition/Null/s3:if-none-match").asText()).isEqualTo("true"));
    }

    @Test
    void nobodyDeletesAVersionOrBypassesRetention() {
        for (String action : List.of("s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention")) {
            assertThat(denies(action)).as(action).anySatisfy(s -> assertThat(s.has("Condition")).isFalse());
        }
    }
}

package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, a lost tail must be detectable: the drain stops the gateway so that it can sign its clean end, the
 * verifier can list object versions, and the instances' lifecycle events outlive the stack for the auditors'
 * reconciliation of {@code UNTERMINATED_CHAIN} (auditor-guide.md, section 1).
 */
class ChainEndTemplateTest {

    /** The gateway's grace for begun requests at a stop ({@code AuditLifecycle.FINISH_GRACE}), before it ships. */
    private static final int FINISH_GRACE_SECONDS = 10;

    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void theAuditorsMayListObjectVersionsForTheVerifier() {
        List<JsonNode> listing = statementsAllowing("AuditorReadOnlyPolicy", "s3:ListBucketVersions");

        assertThat(listing).singleElement().satisfies(s -> {
            assertThat(s.at("/Resource/Fn::GetAtt/0").asText()).isEqualTo("AuditBucket");
            assertThat(s.at("/Condition/StringLike/s3:prefix").toString()).contains("${AuditPrefix}/*");
        });
        assertThat(statementsAllowing("AuditorReadOnlyPolicy", "s3:GetObjectVersion")).hasSize(1);
    }

    @Test
    void theDrainStopsTheGatewayWithSigtermAndWaitsLongerThanTheGraceAndTheShipping() {
        String unit = heredoc("cat > /etc/systemd/system/auditgate.service <<'EOF'\n");
        int minimumStopTimeout = template.root().at("/Parameters/DrainTimeoutSeconds/MinValue").asInt();

        assertThat(unit).contains("KillSignal=SIGTERM\n", "TimeoutStopSec=${DrainTimeoutSeconds}\n",
                "SuccessExitStatus=143\n").doesNotContain("KillMode=none", "SendSIGKILL=no");
        // a minute at least to ship what the drain left behind: it waited for a backlog of 0 before the stop
        assertThat(minimumStopTimeout).isGreaterThanOrEqualTo(FINISH_GRACE_SECONDS + 60);
        // the JVM is the service's main process, so SIGTERM reaches the gateway's shutdown hook, not a shell
        assertThat(heredoc("cat > /usr/local/bin/auditgate-start <<'EOF'\n")).contains("exec java ");
        String watch = heredoc("cat > /usr/local/bin/auditgate-lifecycle-watch <<'EOF'\n");
        assertThat(watch).contains("systemctl stop auditgate.service").doesNotContain("kill -9", "SIGKILL");
    }

    @Test
    void groupLaunchesAndTerminationsGoToALogGroupThatOutlivesTheStack() {
        JsonNode group = template.properties("GroupLifecycleRule").path("EventPattern");

        assertThat(CfnTemplate.strings(group.path("source"))).containsExactly("aws.autoscaling");
        assertThat(CfnTemplate.strings(group.path("detail-type"))).contains("EC2 Instance Terminate Successful",
                "EC2 Instance-terminate Lifecycle Action", "EC2 Instance Launch Successful");
        assertThat(group.at("/detail/AutoScalingGroupName/0/Fn::Sub").asText()).isEqualTo("${AWS::StackName}-gateway");
        assertThat(template.properties("AutoScalingGroup").at("/AutoScalingGroupName/Fn::Sub").asText())
                .isEqualTo("${AWS::StackName}-gateway");

        JsonNode ec2 = template.properties("InstanceTerminatedRule").path("EventPattern");
        assertThat(CfnTemplate.strings(ec2.path("detail-type"))).containsExactly("EC2 Instance State-change Notification");
        assertThat(CfnTemplate.strings(ec2.at("/detail/state"))).containsExactly("terminated");

        for (String rule : List.of("GroupLifecycleRule", "InstanceTerminatedRule")) {
            assertThat(template.properties(rule).at("/Targets/0/Arn/Fn::Sub").asText()).as(rule)
                    .endsWith(":log-group:${LifecycleEvidenceLogGroup}");
        }
        JsonNode logGroup = template.resource("LifecycleEvidenceLogGroup");
        assertThat(logGroup.path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(logGroup.at("/Properties/RetentionInDays/Ref").asText()).isEqualTo("LifecycleEvidenceRetentionDays");
        assertThat(template.root().at("/Parameters/LifecycleEvidenceRetentionDays/Default").asInt())
                .isGreaterThanOrEqualTo(template.root().at("/Parameters/AuditRetentionDays/Default").asInt());
    }

    @Test
    void onlyTheTwoRulesWriteTheEvidenceAndAuditorsReadIt() {
        String policy = template.properties("LifecycleEvidenceLogPolicy").at("/PolicyDocument/Fn::Sub").asText();

        assertThat(policy).contains("\"events.amazonaws.com\"", "\"logs:PutLogEvents\"", "${LifecycleEvidenceLogGroup.Arn}",
                "\"aws:SourceArn\":[\"${GroupLifecycleRule.Arn}\",\"${InstanceTerminatedRule.Arn}\"]");
        assertThat(statementsAllowing("AuditorReadOnlyPolicy", "logs:FilterLogEvents")).singleElement()
                .satisfies(s -> assertThat(s.at("/Resource/Fn::GetAtt/0").asText()).isEqualTo("LifecycleEvidenceLogGroup"));
    }

    private List<JsonNode> statementsAllowing(String policy, String action) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode s : CfnTemplate.statements(template.properties(policy).path("PolicyDocument"))) {
            if (s.path("Effect").asText().equals("Allow") && CfnTemplate.strings(s.path("Action")).contains(action)) {
                found.add(s);
            }
        }
        return found;
    }

    /** The text the boot script writes with one {@code cat > <path> <<'EOF'} heredoc. */
    private String heredoc(String opening) {
        String userData = template.properties("LaunchTemplate").at("/LaunchTemplateData/UserData/Fn::Base64/Fn::Sub/0").asText();
        int start = userData.indexOf(opening);
        assertThat(start).as(opening).isNotNegative();
        return userData.substring(start, userData.indexOf("\nEOF\n", start) + 1);
    }
}

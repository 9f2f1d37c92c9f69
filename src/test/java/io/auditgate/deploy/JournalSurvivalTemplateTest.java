package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, blocker 1: a long S3 or KMS outage must not destroy unshipped audit records. Readiness takes an
 * instance out of traffic only, the journal lives on a volume that outlives the instance unless the drain shipped
 * everything, a backlog protects from scale-in, and the drain heartbeats while records remain.
 */
class JournalSurvivalTemplateTest {

    private final CfnTemplate template = CfnTemplate.load();

    private String userData() {
        return template.properties("LaunchTemplate").at("/LaunchTemplateData/UserData/Fn::Base64/Fn::Sub/0").asText();
    }

    /** The text of one script the boot script writes with {@code cat > /usr/local/bin/<name> <<'EOF'}. */
    private String script(String name) {
        String userData = userData();
        int start = userData.indexOf("cat > /usr/local/bin/" + name + " <<'EOF'\n");
        assertThat(start).as(name).isNotNegative();
        int end = userData.indexOf("\nEOF\n", start);
        return userData.substring(start, end);
    }

    @Test
    void readinessIsTheLoadBalancersAloneAndTheGroupsHealthComesFromEc2AndLiveness() {
        assertThat(template.properties("TargetGroup").path("HealthCheckPath").asText()).isEqualTo("/health/ready");
        assertThat(template.properties("AutoScalingGroup").path("HealthCheckType").asText()).isEqualTo("EC2");

        String guard = script("auditgate-guard");
        assertThat(guard).contains("/health/live", "set-instance-health", "--health-status Unhealthy")
                .doesNotContain("/health/ready");
        assertThat(userData()).contains("systemctl enable --now", "auditgate-guard.service");
    }

    @Test
    void journalHasItsOwnEncryptedVolumeThatOutlivesTheInstance() {
        JsonNode data = template.properties("LaunchTemplate").path("LaunchTemplateData");
        List<JsonNode> journal = new ArrayList<>();
        data.path("BlockDeviceMappings").forEach(m -> {
            if (m.path("DeviceName").asText().equals("/dev/sdf")) {
                journal.add(m);
            }
        });

        assertThat(journal).singleElement().satisfies(m -> {
            assertThat(m.at("/Ebs/DeleteOnTermination").asBoolean(true)).isFalse();
            assertThat(m.at("/Ebs/Encrypted").asBoolean()).isTrue();
            assertThat(m.at("/Ebs/VolumeSize/Ref").asText()).isEqualTo("JournalVolumeSize");
        });
        assertThat(data.path("TagSpecifications").toString()).contains("\"ResourceType\":\"volume\"", "auditgate:stack");
        assertThat(userData()).contains("mount /var/lib/auditgate/journal", "AUDIT_JOURNAL_DIR=/var/lib/auditgate/journal",
                "blkid /dev/sdf >/dev/null || mkfs.xfs", "> /var/lib/auditgate/journal/INSTANCE");
    }

    @Test
    void onlyADrainThatShippedEverythingLetsTheJournalVolumeGoWithItsInstance() {
        String watch = script("auditgate-lifecycle-watch");
        int release = watch.indexOf("\"DeleteOnTermination\":true");

        assertThat(release).isPositive();
        assertThat(watch.substring(0, release))
                .contains("if [ \"$result\" = \"success\" ] && [ \"$backlog\" = 0 ]; then");
        assertThat(watch).contains("AUDITGATE_DRAIN_INCOMPLETE", "(volume retained)");
        assertThat(instancePolicy()).contains("ec2:ModifyInstanceAttribute", "aws:ResourceTag/auditgate:stack");
    }

    @Test
    void theDrainHeartbeatsWhileRecordsRemainBeforeItStopsTheGateway() {
        String watch = script("auditgate-lifecycle-watch");
        int wait = watch.indexOf("backlog=$(/usr/local/bin/auditgate-backlog)");
        int stop = watch.indexOf("systemctl stop auditgate.service");

        assertThat(wait).isPositive().isLessThan(stop);
        assertThat(watch.substring(wait, stop)).contains("[ \"$backlog\" = 0 ] && break", "record-lifecycle-action-heartbeat");
        // the hook's global timeout: 100 heartbeat timeouts, at most 48 hours
        assertThat(watch).contains("global=$(( ${DrainTimeoutSeconds} * 100 )); [ \"$global\" -gt 172800 ] && global=172800");
        assertThat(template.properties("AutoScalingGroup").at("/LifecycleHookSpecificationList/0/HeartbeatTimeout/Ref").asText())
                .isEqualTo("DrainTimeoutSeconds");
    }

    @Test
    void aBacklogProtectsTheInstanceFromScaleIn() {
        String guard = script("auditgate-guard");

        assertThat(guard).contains("set-instance-protection", "--protected-from-scale-in", "--no-protected-from-scale-in",
                "-ge ${ScaleInProtectionBacklog}", "/usr/local/bin/auditgate-backlog");
        assertThat(script("auditgate-backlog")).contains("/metrics", "auditgate_audit_backlog_records");
        assertThat(instancePolicy()).contains("autoscaling:SetInstanceProtection", "autoscaling:SetInstanceHealth");
    }

    @Test
    void theRecoveryScriptShipsAnOrphanedJournalUnderItsDeadInstancesChain() throws Exception {
        Path script = Path.of("cloudformation/recover-journal.sh");

        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(Files.readString(script)).contains("Name=tag:auditgate:stack", "Name=status,Values=available",
                "$dir/INSTANCE", "AUDIT_JOURNAL_DIR=\"$dir\"", "--nocluster", "kill -TERM");
    }

    private String instancePolicy() {
        return template.properties("InstancePolicy").toString();
    }
}

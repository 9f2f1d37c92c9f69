package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, safe rollouts and a pinned build: instances signal CloudFormation once /health/ready answers, rolling
 * updates keep MinSize in service and suspend health replacement, and the image is a pinned parameter.
 */
class SafeRolloutTemplateTest {

    private final CfnTemplate template = CfnTemplate.load();

    private String userData() {
        return template.properties("LaunchTemplate").at("/LaunchTemplateData/UserData/Fn::Base64/Fn::Sub/0").asText();
    }

    @Test
    void everyNewInstanceSignalsOnlyAfterItIsReady() {
        JsonNode group = template.resource("AutoScalingGroup");
        String userData = userData();
        int ready = userData.lastIndexOf("http://127.0.0.1:8080/health/ready");

        assertThat(group.at("/CreationPolicy/ResourceSignal/Count/Ref").asText()).isEqualTo("MinSize");
        assertThat(group.at("/CreationPolicy/ResourceSignal/Timeout").asText()).isEqualTo("PT15M");
        assertThat(ready).isPositive();
        assertThat(userData.substring(ready)).contains("signal 0").endsWith("signal 1\n");
        assertThat(userData).contains("/opt/aws/bin/cfn-signal -e \"$1\" --stack '${AWS::StackName}' --resource AutoScalingGroup",
                "trap 'signal 1' ERR");
    }

    @Test
    void rollingUpdatesWaitForSignalsKeepCapacityAndSuspendHealthReplacement() {
        JsonNode update = template.resource("AutoScalingGroup").at("/UpdatePolicy/AutoScalingRollingUpdate");

        assertThat(update.path("WaitOnResourceSignals").asBoolean()).isTrue();
        assertThat(update.at("/MinInstancesInService/Ref").asText()).isEqualTo("MinSize");
        assertThat(update.path("MaxBatchSize").asInt()).isEqualTo(1);
        assertThat(CfnTemplate.strings(update.path("SuspendProcesses")))
                .contains("HealthCheck", "ReplaceUnhealthy", "AZRebalance", "AlarmNotification", "ScheduledActions");
    }

    @Test
    void theImageIsAPinnedParameterWithoutAFloatingDefault() {
        JsonNode ami = template.root().at("/Parameters/AmiId");

        assertThat(ami.path("Type").asText()).isEqualTo("AWS::EC2::Image::Id");
        assertThat(ami.has("Default")).isFalse();
        assertThat(template.root().path("Parameters").toString()).doesNotContain("ami-amazon-linux-latest\"");
        assertThat(template.properties("LaunchTemplate").at("/LaunchTemplateData/ImageId/Ref").asText()).isEqualTo("AmiId");
    }

    @Test
    void bootInstallsOnlyTheDocumentedPackages() {
        assertThat(userData().lines().filter(l -> l.contains("dnf install") || l.contains("yum install")).toList())
                .containsExactly("dnf install -y aws-cfn-bootstrap java-21-amazon-corretto-headless amazon-cloudwatch-agent logrotate python3");
    }
}

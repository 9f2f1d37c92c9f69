package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditgate.request.Forwarded;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, the real client in every record: API Gateway sets the caller's source IP and its request id in the
 * headers the gateway reads, a caller cannot send them itself, and the gateway believes them only from the load
 * balancer (its subnets' CIDR blocks, and a security group that lets nothing else reach the app port).
 */
class RealClientTemplateTest {

    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void theIntegrationSetsTheHeadersTheGatewayReadsFromApiGatewaysContext() {
        JsonNode parameters = template.properties("InvokeMethod").at("/Integration/RequestParameters");

        assertThat(parameters.path("integration.request.header." + Forwarded.CLIENT_IP_HEADER).asText())
                .isEqualTo("context.identity.sourceIp");
        assertThat(parameters.path("integration.request.header." + Forwarded.INGRESS_ID_HEADER).asText())
                .isEqualTo("context.requestId");
    }

    @Test
    void wafBlocksACallerThatSendsAnyAuditGateHeaderItself() {
        JsonNode rule = wafRule("client-sent-auditgate-headers");
        JsonNode match = rule.at("/Statement/ByteMatchStatement");

        assertThat(rule.path("Action").has("Block")).isTrue();
        assertThat(match.at("/FieldToMatch/Headers/MatchScope").asText()).isEqualTo("KEY");
        assertThat(match.at("/FieldToMatch/Headers/MatchPattern").has("All")).isTrue();
        assertThat(match.path("PositionalConstraint").asText()).isEqualTo("STARTS_WITH");
        assertThat(match.path("TextTransformations").toString()).contains("LOWERCASE");
        String prefix = match.path("SearchString").asText();
        assertThat(Forwarded.CLIENT_IP_HEADER.toLowerCase()).startsWith(prefix);
        assertThat(Forwarded.INGRESS_ID_HEADER.toLowerCase()).startsWith(prefix);
    }

    @Test
    void theGatewayTrustsTheLoadBalancersSubnetsAsAskedFromEc2() {
        String userData = template.properties("LaunchTemplate").at("/LaunchTemplateData/UserData/Fn::Base64/Fn::Sub/0").asText();
        JsonNode subnetList = template.properties("LaunchTemplate").at("/LaunchTemplateData/UserData/Fn::Base64/Fn::Sub/1/SubnetIdList");
        int lookup = userData.indexOf("aws ec2 describe-subnets");
        int written = userData.indexOf("echo \"GATEWAY_TRUSTED_PROXIES=$proxies\" >> /etc/auditgate/auditgate.env");

        assertThat(lookup).isPositive().isLessThan(written);
        assertThat(userData.substring(lookup, written)).contains("--subnet-ids ${SubnetIdList}",
                "--query 'Subnets[].CidrBlock'", "test -n \"$proxies\"");
        assertThat(subnetList.at("/Fn::Join/1/Ref").asText()).isEqualTo("PrivateSubnetIds");
        // the ALB lives in exactly those subnets
        assertThat(template.properties("LoadBalancer").at("/Subnets/Ref").asText()).isEqualTo("PrivateSubnetIds");
        assertThat(instancePolicyActions()).contains("ec2:DescribeSubnets");
    }

    @Test
    void onlyTheLoadBalancerReachesTheAppPort() {
        List<JsonNode> appPortIngress = new ArrayList<>();
        for (String id : template.logicalIdsOfType("AWS::EC2::SecurityGroupIngress")) {
            JsonNode rule = template.properties(id);
            if (rule.at("/GroupId/Ref").asText().equals("InstanceSecurityGroup") && rule.path("FromPort").asInt() <= 8080
                    && rule.path("ToPort").asInt() >= 8080) {
                appPortIngress.add(rule);
            }
        }

        assertThat(appPortIngress).singleElement().satisfies(rule -> {
            assertThat(rule.at("/SourceSecurityGroupId/Ref").asText()).isEqualTo("AlbSecurityGroup");
            assertThat(rule.has("CidrIp")).isFalse();
        });
        assertThat(template.properties("InstanceSecurityGroup").has("SecurityGroupIngress")).isFalse();
    }

    private JsonNode wafRule(String name) {
        for (JsonNode rule : template.properties("WebAcl").path("Rules")) {
            if (rule.path("Name").asText().equals(name)) {
                return rule;
            }
        }
        throw new AssertionError("no WAF rule " + name);
    }

    private List<String> instancePolicyActions() {
        List<String> actions = new ArrayList<>();
        CfnTemplate.statements(template.properties("InstancePolicy").path("PolicyDocument"))
                .forEach(s -> actions.addAll(CfnTemplate.strings(s.path("Action"))));
        return actions;
    }
}

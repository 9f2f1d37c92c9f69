package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, network without guesswork: optional VPC endpoints created by the stack, the instances' egress limited
 * to them when they exist, and the load balancer's egress limited to the instances.
 */
class NetworkTemplateTest {

    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void theStackCreatesTheEndpointsTheInstancesNeedWhenAskedTo() {
        List<String> services = new ArrayList<>();
        for (String id : template.logicalIdsOfType("AWS::EC2::VPCEndpoint")) {
            assertThat(template.resource(id).path("Condition").asText()).as(id).isEqualTo("WithVpcEndpoints");
            String name = template.properties(id).at("/ServiceName/Fn::Sub").asText();
            services.add(name.substring(name.lastIndexOf('.') + 1) + ":" + template.properties(id).path("VpcEndpointType").asText());
        }

        assertThat(services).containsExactlyInAnyOrder("s3:Gateway", "bedrock-runtime:Interface", "kms:Interface",
                "logs:Interface", "monitoring:Interface", "ssm:Interface", "autoscaling:Interface", "ec2:Interface",
                "cloudformation:Interface", "sts:Interface");
        assertThat(template.root().at("/Parameters/CreateVpcEndpoints/Default").asText()).isEqualTo("false");
    }

    @Test
    void withEndpointsTheInstancesReachOnlyTheEndpointsAndS3() {
        JsonNode egress = template.properties("InstanceSecurityGroup").path("SecurityGroupEgress").path("Fn::If");

        assertThat(egress.get(0).asText()).isEqualTo("WithVpcEndpoints");
        assertThat(egress.get(1)).hasSize(2).allSatisfy(rule -> assertThat(rule.has("CidrIp")).isFalse());
        assertThat(egress.get(1).toString()).contains("EndpointSecurityGroup", "S3PrefixListId");
        assertThat(egress.get(2).toString()).contains("0.0.0.0/0");
    }

    @Test
    void theLoadBalancerTalksOnlyToTheInstances() {
        JsonNode egress = template.properties("AlbSecurityGroup").path("SecurityGroupEgress");

        assertThat(egress).singleElement().satisfies(rule -> {
            assertThat(rule.at("/DestinationSecurityGroupId/Ref").asText()).isEqualTo("InstanceSecurityGroup");
            assertThat(rule.path("FromPort").asInt()).isEqualTo(8080);
            assertThat(rule.path("ToPort").asInt()).isEqualTo(8080);
        });
        assertThat(template.logicalIdsOfType("AWS::EC2::SecurityGroupEgress").stream()
                .map(id -> template.properties(id).at("/GroupId/Ref").asText())).doesNotContain("AlbSecurityGroup");
    }

    /** JWKS egress: an optional proxy for the JWKS fetch alone, written for the gateway only when given. */
    @Test
    void anOptionalJwksProxyReachesTheGatewaysEnvironment() {
        var parameter = template.root().at("/Parameters/JwtJwksProxy");
        assertThat(parameter.path("Default").asText()).isEmpty();
        assertThat("proxy.internal.example:3128").matches(parameter.path("AllowedPattern").asText());
        assertThat("http://proxy:3128").doesNotMatch(parameter.path("AllowedPattern").asText());
        assertThat(template.properties("LaunchTemplate").toString())
                .contains("if [ -n '${JwtJwksProxy}' ]; then", "AUTH_JWT_JWKS_PROXY=%s", "' '${JwtJwksProxy}' >> /etc/auditgate/auditgate.env");
    }
}

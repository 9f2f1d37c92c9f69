package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, ingress for LLM traffic: a REST API (regional, private as an option) with a VPC link to the internal
 * ALB, response streaming, an integration timeout above 29 s, AWS WAF, and access logs that outlive the stack.
 */
class IngressTemplateTest {

    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void aRegionalOrPrivateRestApiReplacesTheHttpApi() {
        JsonNode api = template.properties("RestApi");

        assertThat(template.logicalIdsOfType("AWS::ApiGatewayV2::Api")).isEmpty();
        assertThat(api.at("/EndpointConfiguration/Types/0/Ref").asText()).isEqualTo("ApiEndpointType");
        assertThat(CfnTemplate.strings(template.root().at("/Parameters/ApiEndpointType/AllowedValues")))
                .containsExactly("REGIONAL", "PRIVATE");
        assertThat(template.root().at("/Parameters/ApiEndpointType/Default").asText()).isEqualTo("REGIONAL");
        // a private API admits only its VPC endpoint
        assertThat(api.path("Policy").toString()).contains("aws:SourceVpce", "ApiVpcEndpointId");
    }

    @Test
    void invokeStreamsThroughAVpcLinkToTheInternalAlbOverVerifiedTls() {
        JsonNode integration = template.properties("InvokeMethod").path("Integration");

        assertThat(integration.path("Type").asText()).isEqualTo("HTTP_PROXY");
        assertThat(integration.path("ResponseTransferMode").asText()).isEqualTo("STREAM");
        assertThat(integration.path("ConnectionType").asText()).isEqualTo("VPC_LINK");
        assertThat(integration.at("/ConnectionId/Ref").asText()).isEqualTo("VpcLink");
        assertThat(template.resource("VpcLink").path("Type").asText()).isEqualTo("AWS::ApiGatewayV2::VpcLink");
        assertThat(integration.at("/IntegrationTarget/Ref").asText()).isEqualTo("LoadBalancer");
        assertThat(integration.at("/Uri/Fn::Sub").asText()).isEqualTo("https://${AlbServerName}/invoke");
    }

    @Test
    void theIntegrationTimeoutExceeds29SecondsAndBedrocksTimeoutFitsUnderIt() {
        JsonNode timeout = template.root().at("/Parameters/ApiIntegrationTimeoutMillis");

        assertThat(template.properties("InvokeMethod").at("/Integration/TimeoutInMillis/Ref").asText())
                .isEqualTo("ApiIntegrationTimeoutMillis");
        assertThat(timeout.path("Default").asInt()).isGreaterThan(29_000);
        assertThat(timeout.path("MaxValue").asInt()).isEqualTo(900_000); // 15 minutes with STREAM
        long bedrockSeconds = java.time.Duration.parse(template.root().at("/Parameters/BedrockTimeout/Default").asText()).toSeconds();
        assertThat(bedrockSeconds * 1000).isLessThan(timeout.path("Default").asInt());
        // the ALB must not cut a quiet stream before API Gateway's 5 minute idle timeout
        var attributes = new HashMap<String, String>();
        template.properties("LoadBalancer").path("LoadBalancerAttributes")
                .forEach(a -> attributes.put(a.path("Key").asText(), a.path("Value").asText()));
        assertThat(attributes).containsEntry("idle_timeout.timeout_seconds", "300");
    }

    /**
     * A quiet stream (text held back by the output screen, a slow model) stays open: the gateway's SSE heartbeat
     * comes well within the ALB's and API Gateway's 300 s idle timeouts, and the template keeps the default.
     * {@code GatewayIT.aSilentModelsStreamCarriesHeartbeatCommentsUntilItsDeadline} shows the comments on the wire.
     */
    @Test
    void theGatewaysSseHeartbeatComesWellWithinTheIdleTimeouts() throws NoSuchFieldException {
        var property = io.auditgate.core.Gateway.class.getDeclaredField("heartbeat")
                .getAnnotation(org.eclipse.microprofile.config.inject.ConfigProperty.class);

        assertThat(property.name()).isEqualTo("gateway.stream-heartbeat");
        assertThat(java.time.Duration.parse(property.defaultValue())).isLessThanOrEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(template.root().toString()).doesNotContain("GATEWAY_STREAM_HEARTBEAT", "gateway.stream-heartbeat");
    }

    @Test
    void awsWafWithARateBasedAndManagedRulesGuardsTheStage() {
        JsonNode acl = template.properties("WebAcl");
        List<String> managed = acl.path("Rules").findValues("ManagedRuleGroupStatement").stream()
                .map(m -> m.path("Name").asText()).toList();

        assertThat(acl.path("Scope").asText()).isEqualTo("REGIONAL");
        assertThat(acl.at("/Rules/0/Statement/RateBasedStatement/Limit/Ref").asText()).isEqualTo("WafRateLimitPer5Minutes");
        assertThat(acl.at("/Rules/0/Action").has("Block")).isTrue();
        assertThat(managed).contains("AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesKnownBadInputsRuleSet",
                "AWSManagedRulesCommonRuleSet");
        assertThat(template.properties("WebAclAssociation").at("/ResourceArn/Fn::Sub").asText())
                .isEqualTo("arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${RestApi}/stages/${ProdStage}");
        assertThat(template.properties("WafLogging").path("RedactedFields").toString()).contains("authorization", "x-api-key");
    }

    @Test
    void accessLogsOutliveTheStack() {
        for (String group : List.of("ApiAccessLogGroup", "WafLogGroup")) {
            assertThat(template.resource(group).path("DeletionPolicy").asText()).as(group).isEqualTo("Retain");
            assertThat(template.resource(group).path("UpdateReplacePolicy").asText()).as(group).isEqualTo("Retain");
        }
    }
}

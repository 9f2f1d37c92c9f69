package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, every region: ALB access-log delivery by the region's ELB account where the mapping has one (regions
 * opened before August 2022), by the service principal everywhere else (Zurich, UAE, Spain, ...).
 */
class EveryRegionTemplateTest {

    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void theConditionNamesExactlyTheRegionsOfTheAccountMapping() {
        List<String> mapped = new ArrayList<>();
        template.root().at("/Mappings/ElbLogDelivery").fieldNames().forEachRemaining(mapped::add);
        List<String> inCondition = new ArrayList<>();
        for (JsonNode or : template.root().at("/Conditions/ElbLogDeliveryByAccount/Fn::Or")) {
            for (JsonNode equals : or.path("Fn::Or")) {
                assertThat(equals.at("/Fn::Equals/0/Ref").asText()).isEqualTo("AWS::Region");
                inCondition.add(equals.at("/Fn::Equals/1").asText());
            }
        }

        assertThat(inCondition).containsExactlyInAnyOrderElementsOf(mapped).hasSize(22);
    }

    @Test
    void otherRegionsDeliverAlbLogsThroughTheServicePrincipal() {
        JsonNode choice = null;
        for (JsonNode statement : template.properties("LogBucketPolicy").at("/PolicyDocument/Statement")) {
            if (statement.has("Fn::If")) {
                choice = statement.get("Fn::If");
            }
        }

        assertThat(choice).isNotNull();
        assertThat(choice.get(0).asText()).isEqualTo("ElbLogDeliveryByAccount");
        assertThat(choice.get(1).at("/Principal/AWS/Fn::Sub/1/ElbAccount/Fn::FindInMap/0").asText()).isEqualTo("ElbLogDelivery");
        assertThat(choice.get(2).at("/Principal/Service").asText()).isEqualTo("logdelivery.elasticloadbalancing.amazonaws.com");
        assertThat(choice.get(2).path("Resource")).isEqualTo(choice.get(1).path("Resource"));
    }
}

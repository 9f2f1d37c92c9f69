package io.auditgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a template against the CloudFormation resource specification, which {@code CfnInclude} does not do: resource
 * types, resource attributes, property names at every depth, allowed values, and {@code Fn::GetAtt} attribute names.
 * Custom resources ({@code Custom::*}, {@code AWS::CloudFormation::CustomResource}) take any property.
 */
final class TemplateSpecCheck {

    private final ResourceSpec spec;

    TemplateSpecCheck(ResourceSpec spec) {
        this.spec = spec;
    }

    List<Finding> check(CfnTemplate template) {
        List<Finding> findings = new ArrayList<>();
        template.root().path("Resources").fields()
                .forEachRemaining(resource -> findings.addAll(checkResource(resource.getKey(), resource.getValue())));
        findings.addAll(new AttributeCheck(spec, template).check());
        return findings;
    }

    private List<Finding> checkResource(String logicalId, JsonNode resource) {
        List<Finding> findings = new ArrayList<>(ResourceOptionsCheck.check(logicalId, resource));
        String type = resource.path("Type").asText();
        if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
            return findings;
        }
        spec.resource(type).ifPresentOrElse(
                known -> findings.addAll(new PropertyCheck(spec, type)
                        .check(logicalId + ".Properties", resource.path("Properties"), known.properties())),
                () -> findings.add(new Finding(logicalId + ".Type", "unknown resource type " + type)));
        return findings;
    }
}

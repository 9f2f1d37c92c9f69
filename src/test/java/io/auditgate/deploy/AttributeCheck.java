package io.auditgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every {@code Fn::GetAtt} in the resources and outputs names an attribute of the target resource's type:
 * the long form, the short form {@code !GetAtt A.B} and the {@code ${A.B}} variables of {@code Fn::Sub} strings
 * (except those given in the substitution map and escaped {@code ${!...}}). Custom resources take any attribute.
 */
final class AttributeCheck {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final ResourceSpec spec;
    private final JsonNode resources;
    private final JsonNode outputs;
    private final List<Finding> findings = new ArrayList<>();

    AttributeCheck(ResourceSpec spec, CfnTemplate template) {
        this.spec = spec;
        this.resources = template.root().path("Resources");
        this.outputs = template.root().path("Outputs");
    }

    List<Finding> check() {
        resources.fields().forEachRemaining(resource -> walk(resource.getValue(), resource.getKey()));
        walk(outputs, "Outputs");
        return List.copyOf(findings);
    }

    private void walk(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]");
            }
        }
        node.fields().forEachRemaining(field -> {
            switch (field.getKey()) {
                case "Fn::GetAtt" -> checkGetAtt(path, field.getValue());
                case "Fn::Sub" -> checkSub(path, field.getValue());
                default -> { }
            }
            walk(field.getValue(), path + "." + field.getKey());
        });
    }

    private void checkGetAtt(String path, JsonNode arguments) {
        List<String> names = arguments.isTextual()
                ? List.of(arguments.asText().split("\\.", 2))
                : CfnTemplate.strings(arguments);
        if (names.size() == 2 && !arguments.path(1).isObject()) {
            checkAttribute(path, "Fn::GetAtt " + names.get(0) + "." + names.get(1), names.get(0), names.get(1));
        }
    }

    private void checkSub(String path, JsonNode arguments) {
        JsonNode text = arguments.isArray() ? arguments.path(0) : arguments;
        JsonNode variables = arguments.path(1);
        Matcher matcher = SUB_VARIABLE.matcher(text.asText());
        while (matcher.find()) {
            String[] names = matcher.group(1).split("\\.", 2);
            if (names.length == 2 && !variables.has(matcher.group(1))) {
                checkAttribute(path, "Fn::Sub " + matcher.group(), names[0], names[1]);
            }
        }
    }

    private void checkAttribute(String path, String use, String logicalId, String attribute) {
        String type = resources.path(logicalId).path("Type").asText(null);
        if (type == null) {
            findings.add(new Finding(path, use + ": no resource " + logicalId));
            return;
        }
        Optional<ResourceSpec.Resource> resource = spec.resource(type);
        if (resource.isPresent() && !resource.get().attributes().contains(attribute)) {
            findings.add(new Finding(path, use + ": " + type + " has no attribute " + attribute));
        }
    }
}

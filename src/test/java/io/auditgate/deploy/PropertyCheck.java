package io.auditgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code Properties} of one resource against its type in the specification: every property name, also
 * inside structs and lists or maps of structs, and every literal value where the specification lists the allowed
 * values. Intrinsic functions are opaque, except that both values of an {@code Fn::If} are checked.
 */
final class PropertyCheck {

    private static final SpecType STRING = new SpecType("string", null, null, List.of(), List.of());
    private static final Map<String, SpecType> TAG = Map.of("Key", STRING, "Value", STRING);

    private final ResourceSpec spec;
    private final String resourceType;
    private final List<Finding> findings = new ArrayList<>();

    PropertyCheck(ResourceSpec spec, String resourceType) {
        this.spec = spec;
        this.resourceType = resourceType;
    }

    List<Finding> check(String path, JsonNode properties, Map<String, SpecType> types) {
        checkFields(path, properties, types, resourceType);
        return List.copyOf(findings);
    }

    private void checkFields(String path, JsonNode object, Map<String, SpecType> types, String owner) {
        object.fields().forEachRemaining(field -> {
            String at = path + "." + field.getKey();
            SpecType type = types.get(field.getKey());
            if (type == null) {
                findings.add(new Finding(at, "unknown property of " + owner));
            } else {
                checkValue(at, field.getValue(), type);
            }
        });
    }

    private void checkValue(String path, JsonNode value, SpecType type) {
        if (CfnTemplate.isFunction(value)) {
            CfnTemplate.ifBranches(value).forEach(branch -> checkValue(path, branch, type));
            return;
        }
        switch (type.kind()) {
            case "ref" -> checkStruct(path, value, spec.definition(type));
            case "tag" -> checkFields(path, value, TAG, "Tag");
            case "array" -> checkElements(path, value, type.element());
            case "map" -> value.fields().forEachRemaining(e -> checkValue(path + "." + e.getKey(), e.getValue(), type.element()));
            case "union" -> checkUnion(path, value, type.members());
            default -> checkAllowedValue(path, value, type);
        }
    }

    private void checkStruct(String path, JsonNode value, ResourceSpec.Definition definition) {
        checkFields(path, value, definition.properties(), resourceType + "." + definition.name());
    }

    private void checkElements(String path, JsonNode list, SpecType element) {
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            checkValue(path + "[" + i + "]", list.get(i), element);
        }
    }

    /** A value of a union type is right if it fits one member; if none fits, the first member's findings count. */
    private void checkUnion(String path, JsonNode value, List<SpecType> members) {
        List<List<Finding>> perMember = new ArrayList<>();
        for (SpecType member : members) {
            PropertyCheck attempt = new PropertyCheck(spec, resourceType);
            attempt.checkValue(path, value, member);
            if (attempt.findings.isEmpty()) {
                return;
            }
            perMember.add(attempt.findings);
        }
        perMember.stream().findFirst().ifPresent(findings::addAll);
    }

    private void checkAllowedValue(String path, JsonNode value, SpecType type) {
        if (!type.allowedValues().isEmpty() && value.isValueNode() && !type.allowedValues().contains(value.asText())) {
            findings.add(new Finding(path, "'" + value.asText() + "' is not one of " + type.allowedValues()));
        }
    }
}

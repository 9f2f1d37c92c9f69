package io.auditgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The type of a property in the CloudFormation resource specification: a primitive ({@code string}, {@code integer},
 * ...), free {@code json}, a {@code tag}, a struct ({@code ref} to a type definition), an {@code array} or {@code map}
 * of an element type, or a {@code union} of member types. Strings (and a few integers) may list their allowed values.
 */
record SpecType(String kind, String definitionId, SpecType element, List<SpecType> members, List<String> allowedValues) {

    SpecType {
        members = List.copyOf(members);
        allowedValues = List.copyOf(allowedValues);
    }

    /** Reads a {@code {"type": ...}} node of the specification database. */
    static SpecType of(JsonNode node) {
        List<SpecType> members = new ArrayList<>();
        node.path("types").forEach(member -> members.add(of(member)));
        List<String> allowed = new ArrayList<>();
        node.path("allowedValues").forEach(value -> allowed.add(value.asText()));
        JsonNode element = node.path("element");
        return new SpecType(node.path("type").asText(), node.at("/reference/$ref").asText(null),
                element.isMissingNode() ? null : of(element), members, allowed);
    }
}

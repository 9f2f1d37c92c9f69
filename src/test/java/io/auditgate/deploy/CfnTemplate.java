package io.auditgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The CloudFormation template as a JSON tree, with YAML short-form intrinsics ({@code !Ref X}, {@code !Sub ...})
 * turned into their long form ({@code {"Ref": "X"}}, {@code {"Fn::Sub": ...}}), exactly as CloudFormation reads them.
 */
final class CfnTemplate {

    static final Path PATH = Path.of(System.getProperty("auditgate.template", "cloudformation/auditgate.yaml"));

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs", "If", "ImportValue",
            "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "Not", "Or", "Condition", "GetAtt", "Ref");

    private final JsonNode root;

    private CfnTemplate(JsonNode root) {
        this.root = root;
    }

    static CfnTemplate load() {
        try {
            return parse(Files.readString(PATH));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PATH, e);
        }
    }

    static CfnTemplate parse(String yaml) {
        Object tree = new Yaml(new IntrinsicConstructor()).load(yaml);
        return new CfnTemplate(new ObjectMapper().valueToTree(tree));
    }

    JsonNode root() {
        return root;
    }

    JsonNode resource(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        if (resource.isMissingNode()) {
            throw new AssertionError("no resource " + logicalId);
        }
        return resource;
    }

    JsonNode properties(String logicalId) {
        return resource(logicalId).path("Properties");
    }

    List<String> logicalIdsOfType(String type) {
        List<String> ids = new ArrayList<>();
        root.path("Resources").fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                ids.add(e.getKey());
            }
        });
        return ids;
    }

    /** Policy statements in a policy document; a statement under {@code Fn::If} counts with both branches. */
    static List<JsonNode> statements(JsonNode policyDocument) {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode statement : policyDocument.path("Statement")) {
            if (statement.has("Fn::If")) {
                statements.add(statement.get("Fn::If").get(1));
                statements.add(statement.get("Fn::If").get(2));
            } else {
                statements.add(statement);
            }
        }
        return statements;
    }

    /** Whether a value is an intrinsic function call ({@code Ref}, {@code Fn::...}) rather than a literal. */
    static boolean isFunction(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String name = value.fieldNames().next();
        return name.equals("Ref") || name.startsWith("Fn::");
    }

    /** The two values an {@code Fn::If} may take; nothing for other functions. */
    static List<JsonNode> ifBranches(JsonNode function) {
        JsonNode arguments = function.path("Fn::If");
        return arguments.size() == 3 ? List.of(arguments.get(1), arguments.get(2)) : List.of();
    }

    static List<String> strings(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String function : FUNCTIONS) {
                String name = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                yamlConstructors.put(new Tag("!" + function), new Intrinsic(name));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = name.equals("Fn::GetAtt") ? List.of(text.split("\\.", 2)) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(name, value);
            }
        }
    }
}

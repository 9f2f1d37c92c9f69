package io.auditgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The CloudFormation resource specification as published in the npm package {@code @aws-cdk/aws-service-spec}: its
 * {@code db.json.gz} holds tables of entities ({@code schema.resource.entities},
 * {@code schema.typeDefinition.entities}); a resource's properties and attributes carry types, and struct types refer
 * to a type definition by its {@code $id}. The Maven profile {@code cloudformation} unpacks the pinned version and
 * passes the file's path as {@code auditgate.cfnSpec}.
 */
final class ResourceSpec {

    /** A resource type: its properties by name and the attribute names {@code Fn::GetAtt} may ask for. */
    record Resource(String type, Map<String, SpecType> properties, Set<String> attributes) {
    }

    /** A struct property type, e.g. {@code ObjectLockRule} of {@code AWS::S3::Bucket}. */
    record Definition(String name, Map<String, SpecType> properties) {
    }

    private final String version;
    private final Map<String, Resource> resources;
    private final Map<String, Definition> definitions;

    private ResourceSpec(String version, Map<String, Resource> resources, Map<String, Definition> definitions) {
        this.version = version;
        this.resources = Map.copyOf(resources);
        this.definitions = Map.copyOf(definitions);
    }

    static ResourceSpec load() {
        String db = System.getProperty("auditgate.cfnSpec");
        if (db == null) {
            throw new IllegalStateException("auditgate.cfnSpec is not set: run the test through Maven's cloudformation "
                    + "profile, which fetches @aws-cdk/aws-service-spec into target/cfn-spec");
        }
        return load(Path.of(db));
    }

    private static ResourceSpec load(Path db) {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(db))) {
            JsonNode schema = mapper.readTree(in).path("schema");
            String version = mapper.readTree(db.resolveSibling("package.json").toFile()).path("version").asText();
            Map<String, Resource> resources = new HashMap<>();
            for (JsonNode entity : schema.at("/resource/entities")) {
                String type = entity.path("cloudFormationType").asText();
                Set<String> attributes = new HashSet<>();
                entity.path("attributes").fieldNames().forEachRemaining(attributes::add);
                resources.put(type, new Resource(type, types(entity.path("properties")), Set.copyOf(attributes)));
            }
            Map<String, Definition> definitions = new HashMap<>();
            for (JsonNode entity : schema.at("/typeDefinition/entities")) {
                definitions.put(entity.path("$id").asText(),
                        new Definition(entity.path("name").asText(), types(entity.path("properties"))));
            }
            return new ResourceSpec(version, resources, definitions);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CloudFormation specification " + db, e);
        }
    }

    String version() {
        return version;
    }

    int resourceTypes() {
        return resources.size();
    }

    Optional<Resource> resource(String type) {
        return Optional.ofNullable(resources.get(type));
    }

    Definition definition(SpecType struct) {
        Definition definition = definitions.get(struct.definitionId());
        if (definition == null) {
            throw new IllegalStateException("specification refers to a missing type definition " + struct.definitionId());
        }
        return definition;
    }

    private static Map<String, SpecType> types(JsonNode properties) {
        Map<String, SpecType> types = new LinkedHashMap<>();
        properties.fields().forEachRemaining(p -> types.put(p.getKey(), SpecType.of(p.getValue().path("type"))));
        return types;
    }
}

package io.auditgate.audit.athena;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares a JSON Schema (draft 2020-12, as written in audit-schema/) with a Hive row type, member by member:
 * every property must be a field of a compatible type and every field a property. string ↔ string/varchar,
 * integer ↔ tinyint..bigint, number ↔ double, boolean ↔ boolean, object with properties ↔ struct, object with
 * only additionalProperties ↔ map&lt;string, V&gt;, array ↔ array. Nullability, enums and patterns are not
 * column types and are ignored; "null" alternatives are dropped.
 */
final class SchemaMatch {

    private final JsonNode root;
    private final List<String> differences = new ArrayList<>();

    private SchemaMatch(JsonNode root) {
        this.root = root;
    }

    /** The differences, one readable line each ({@code path: what}); empty when the two agree. */
    static List<String> differences(JsonNode schema, HiveType.Struct row) {
        var match = new SchemaMatch(schema);
        match.compare("", schema, row);
        return List.copyOf(match.differences);
    }

    private void compare(String path, JsonNode node, HiveType hive) {
        var schema = resolve(node);
        var type = jsonType(path, schema);
        switch (type) {
            case "object" -> object(path, schema, hive);
            case "array" -> {
                if (hive instanceof HiveType.Array array) {
                    compare(path + "[]", schema.path("items"), array.element());
                } else {
                    mismatch(path, type, hive);
                }
            }
            case "string" -> primitive(path, type, hive, Set.of("string", "varchar", "char"));
            case "integer" -> primitive(path, type, hive, Set.of("tinyint", "smallint", "int", "integer", "bigint"));
            case "number" -> primitive(path, type, hive, Set.of("double"));
            case "boolean" -> primitive(path, type, hive, Set.of("boolean"));
            default -> differences.add(at(path) + "schema type '" + type + "' has no column type");
        }
    }

    private void object(String path, JsonNode schema, HiveType hive) {
        var properties = schema.path("properties");
        var additional = schema.path("additionalProperties");
        if (properties.isMissingNode() && additional.isObject()) {
            if (hive instanceof HiveType.MapType map && map.key().equals(new HiveType.Primitive("string"))) {
                compare(path + "{}", additional, map.value());
            } else {
                mismatch(path, "object (string map)", hive);
            }
            return;
        }
        if (!(hive instanceof HiveType.Struct struct)) {
            mismatch(path, "object", hive);
            return;
        }
        var names = new LinkedHashSet<String>();
        properties.fieldNames().forEachRemaining(names::add);
        for (var name : names) {
            var field = struct.fields().get(name);
            if (field == null) {
                differences.add(at(join(path, name)) + "in the schema, missing from the DDL");
            } else {
                compare(join(path, name), properties.get(name), field);
            }
        }
        struct.fields().keySet().stream().filter(f -> !names.contains(f))
                .forEach(f -> differences.add(at(join(path, f)) + "in the DDL, not in the schema"));
    }

    private void primitive(String path, String type, HiveType hive, Set<String> accepted) {
        if (!(hive instanceof HiveType.Primitive p) || !accepted.contains(p.name().replaceAll("\\(.*", ""))) {
            mismatch(path, type, hive);
        }
    }

    private void mismatch(String path, String schemaType, HiveType hive) {
        differences.add(at(path) + "schema " + schemaType + ", DDL " + describe(hive));
    }

    /** The JSON type a (resolved) schema node admits, null aside. */
    private String jsonType(String path, JsonNode schema) {
        var types = new LinkedHashSet<String>();
        var type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (schema.has("const")) {
            types.add(valueType(schema.get("const")));
        } else if (schema.has("enum")) {
            schema.get("enum").forEach(v -> types.add(valueType(v)));
        } else if (schema.has("oneOf") || schema.has("anyOf")) {
            var alternatives = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
            alternatives.forEach(a -> types.add(jsonType(path, resolve(a))));
        }
        types.remove("null");
        if (types.size() != 1) {
            differences.add(at(path) + "schema admits " + types + ", which is not one column type");
            return "unknown";
        }
        return types.iterator().next();
    }

    /** Follows local $refs and, in a oneOf/anyOf, the one alternative that is not null. */
    private JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            var ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $refs are supported: " + ref);
            }
            return resolve(root.at(ref.substring(1)));
        }
        for (var combinator : List.of("oneOf", "anyOf")) {
            if (node.has(combinator)) {
                var nonNull = new ArrayList<JsonNode>();
                node.get(combinator).forEach(a -> {
                    var resolved = resolve(a);
                    if (!"null".equals(resolved.path("type").asText())) {
                        nonNull.add(resolved);
                    }
                });
                if (nonNull.size() == 1) {
                    return nonNull.get(0);
                }
            }
        }
        return node;
    }

    private static String valueType(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isNull() ? "null" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String describe(HiveType hive) {
        if (hive instanceof HiveType.Primitive p) {
            return p.name();
        }
        if (hive instanceof HiveType.Array) {
            return "array<...>";
        }
        return hive instanceof HiveType.MapType ? "map<...>" : "struct<...>";
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String at(String path) {
        return (path.isEmpty() ? "(record)" : path) + ": ";
    }
}

package io.auditgate.audit.athena;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A column type of a Hive/Glue table: a primitive ({@code string}, {@code int}, {@code decimal(10,2)} ...),
 * {@code array<T>}, {@code map<K,V>} or {@code struct<name:T, ...>} (field order kept, names lower case as Hive
 * stores them). {@link #toDuckDb()} spells the same type for DuckDB, so the local view can be checked against it.
 */
sealed interface HiveType {

    record Primitive(String name) implements HiveType {
    }

    record Array(HiveType element) implements HiveType {
    }

    record MapType(HiveType key, HiveType value) implements HiveType {
    }

    record Struct(Map<String, HiveType> fields) implements HiveType {
        public Struct {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** Parses one type, e.g. {@code array<struct<`type`:string,`count`:int>>}; trailing text is an error. */
    static HiveType parse(String text) {
        var tokens = DdlTokens.of(text);
        var type = read(tokens);
        if (!tokens.atEnd()) {
            throw new IllegalArgumentException("unexpected '" + tokens.peek().text() + "' after the type");
        }
        return type;
    }

    /** Reads one type from the tokens, stopping after it. */
    static HiveType read(DdlTokens tokens) {
        var name = tokens.name();
        switch (name) {
            case "array" -> {
                tokens.expect("<");
                var element = read(tokens);
                tokens.expect(">");
                return new Array(element);
            }
            case "map" -> {
                tokens.expect("<");
                var key = read(tokens);
                tokens.expect(",");
                var value = read(tokens);
                tokens.expect(">");
                return new MapType(key, value);
            }
            case "struct" -> {
                return struct(tokens);
            }
            default -> {
                return primitive(name, tokens);
            }
        }
    }

    private static Struct struct(DdlTokens tokens) {
        tokens.expect("<");
        var fields = new LinkedHashMap<String, HiveType>();
        do {
            var field = tokens.name();
            tokens.expect(":");
            var type = read(tokens);
            if (tokens.accept("comment")) {
                tokens.string();
            }
            if (fields.put(field, type) != null) {
                throw new IllegalArgumentException("struct field '" + field + "' appears twice");
            }
        } while (tokens.accept(","));
        tokens.expect(">");
        return new Struct(fields);
    }

    private static Primitive primitive(String name, DdlTokens tokens) {
        if (!List.of("string", "varchar", "char", "boolean", "tinyint", "smallint", "int", "integer", "bigint",
                "float", "double", "decimal", "date", "timestamp", "binary").contains(name)) {
            throw new IllegalArgumentException("not a Hive type: " + name);
        }
        var params = new ArrayList<String>();
        if (tokens.accept("(")) {
            do {
                params.add(tokens.take().text());
            } while (tokens.accept(","));
            tokens.expect(")");
        }
        return new Primitive(params.isEmpty() ? name : name + "(" + String.join(",", params) + ")");
    }

    /** The same type in DuckDB's syntax: {@code STRUCT("type" VARCHAR, ...)}, {@code T[]}, {@code MAP(K, V)}. */
    default String toDuckDb() {
        if (this instanceof Primitive p) {
            var base = p.name().replaceAll("\\(.*", "");
            return switch (base) {
                case "string", "varchar", "char" -> "VARCHAR";
                case "int", "integer" -> "INTEGER";
                case "decimal" -> p.name().toUpperCase(Locale.ROOT);
                case "binary" -> "BLOB";
                default -> base.toUpperCase(Locale.ROOT);
            };
        }
        if (this instanceof Array a) {
            return a.element().toDuckDb() + "[]";
        }
        if (this instanceof MapType m) {
            return "MAP(" + m.key().toDuckDb() + ", " + m.value().toDuckDb() + ")";
        }
        var s = (Struct) this;
        return s.fields().entrySet().stream().map(e -> "\"" + e.getKey() + "\" " + e.getValue().toDuckDb())
                .collect(Collectors.joining(", ", "STRUCT(", ")"));
    }
}

package io.auditgate.audit.athena;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code CREATE EXTERNAL TABLE} statement declares: columns with their {@link HiveType}s, partition
 * columns, SerDe, location and table properties. Reads the clauses Athena's Hive DDL allows in their usual order;
 * a clause it does not know fails loudly rather than being skipped.
 */
record HiveDdl(String table, List<Column> columns, List<Column> partitions, String serde,
               Map<String, String> serdeProperties, String location, Map<String, String> tableProperties) {

    record Column(String name, HiveType type) {
    }

    static HiveDdl read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static HiveDdl parse(String ddl) {
        var tokens = DdlTokens.of(ddl);
        tokens.expect("create");
        tokens.expect("external");
        tokens.expect("table");
        if (tokens.accept("if")) {
            tokens.expect("not");
            tokens.expect("exists");
        }
        var table = tokens.name();
        var columns = columns(tokens);
        var partitions = List.<Column>of();
        String serde = null;
        String location = null;
        var serdeProperties = Map.<String, String>of();
        var tableProperties = Map.<String, String>of();
        while (!tokens.atEnd() && !tokens.accept(";")) {
            if (tokens.accept("comment")) {
                tokens.string();
            } else if (tokens.accept("partitioned")) {
                tokens.expect("by");
                partitions = columns(tokens);
            } else if (tokens.accept("row")) {
                tokens.expect("format");
                tokens.expect("serde");
                serde = tokens.string();
                if (tokens.accept("with")) {
                    tokens.expect("serdeproperties");
                    serdeProperties = properties(tokens);
                }
            } else if (tokens.accept("stored")) {
                tokens.expect("as");
                tokens.expect("inputformat");
                tokens.string();
                tokens.expect("outputformat");
                tokens.string();
            } else if (tokens.accept("location")) {
                location = tokens.string();
            } else if (tokens.accept("tblproperties")) {
                tableProperties = properties(tokens);
            } else {
                throw new IllegalArgumentException("unknown clause at " + tokens.peek().offset() + ": "
                        + tokens.peek().text());
            }
        }
        if (!tokens.atEnd()) {
            throw new IllegalArgumentException("text after the statement at " + tokens.peek().offset());
        }
        return new HiveDdl(table, columns, partitions, serde, serdeProperties, location, tableProperties);
    }

    /** {@code ( name type [COMMENT '...'], ... )} */
    private static List<Column> columns(DdlTokens tokens) {
        tokens.expect("(");
        var columns = new ArrayList<Column>();
        do {
            var name = tokens.name();
            var type = HiveType.read(tokens);
            if (tokens.accept("comment")) {
                tokens.string();
            }
            if (columns.stream().anyMatch(c -> c.name().equals(name))) {
                throw new IllegalArgumentException("column '" + name + "' appears twice");
            }
            columns.add(new Column(name, type));
        } while (tokens.accept(","));
        tokens.expect(")");
        return List.copyOf(columns);
    }

    /** {@code ( 'key' = 'value', ... )} */
    private static Map<String, String> properties(DdlTokens tokens) {
        tokens.expect("(");
        var properties = new LinkedHashMap<String, String>();
        do {
            var key = tokens.string();
            tokens.expect("=");
            if (properties.put(key, tokens.string()) != null) {
                throw new IllegalArgumentException("property '" + key + "' appears twice");
            }
        } while (tokens.accept(","));
        tokens.expect(")");
        return properties;
    }

    /** The columns as one struct, for comparing with a JSON Schema object. */
    HiveType.Struct row() {
        var fields = new LinkedHashMap<String, HiveType>();
        columns.forEach(c -> fields.put(c.name(), c.type()));
        return new HiveType.Struct(fields);
    }
}

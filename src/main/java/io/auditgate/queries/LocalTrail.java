package io.auditgate.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local audit store ({@code records/dt=.../hr=.../*.jsonl.gz} below {@code dir}) opened in an in-memory DuckDB with
 * the {@code audit_records} view. DuckDB only reads the segments; nothing is imported, written or changed.
 */
final class LocalTrail implements AutoCloseable {

    private final Connection connection;

    private LocalTrail(Connection connection) {
        this.connection = connection;
    }

    /** @throws UsageException if {@code dir} holds no segment (DuckDB would only say that a glob matched nothing) */
    static LocalTrail open(Path dir) throws SQLException {
        requireSegments(dir);
        var trail = new LocalTrail(DriverManager.getConnection("jdbc:duckdb:"));
        try (var statement = trail.connection.prepareStatement("SET file_search_path = ?")) {
            statement.setString(1, dir.toAbsolutePath().toString());
            statement.execute();
        }
        try (var statement = trail.connection.createStatement()) {
            statement.execute(AuditorQuery.resource("00-local-view.duckdb.sql"));
        }
        return trail;
    }

    private static void requireSegments(Path dir) {
        var records = dir.resolve("records");
        if (!Files.isDirectory(records)) {
            throw new UsageException(dir + " is not an audit store: it has no records/ directory"
                    + " (the local profile's store is target/local-audit/store)");
        }
        try (Stream<Path> files = Files.walk(records, 3)) {
            if (files.noneMatch(f -> f.getFileName().toString().endsWith(".jsonl.gz"))) {
                throw new UsageException(records + " holds no segment yet (the gateway ships one within a minute"
                        + " of a request, audit.segment-max-age)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code query} with {@code parameters} bound as DuckDB variables; unset ones are {@code NULL}. */
    ResultTable run(AuditorQuery query, Parameters parameters) throws SQLException {
        for (var param : Param.values()) {
            var sql = "SET VARIABLE " + param.variable + " = CAST(? AS " + Parameters.sqlType(param) + ")";
            try (var statement = connection.prepareStatement(sql)) {
                statement.setString(1, parameters.value(param));
                statement.execute();
            }
        }
        try (var statement = connection.createStatement(); var result = statement.executeQuery(query.sql())) {
            var meta = result.getMetaData();
            var columns = new ArrayList<String>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            var rows = new ArrayList<List<String>>();
            while (result.next()) {
                var row = new ArrayList<String>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return new ResultTable(columns, rows);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

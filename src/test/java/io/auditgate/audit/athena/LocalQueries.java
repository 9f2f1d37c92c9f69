package io.auditgate.audit.athena;

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
 * The auditor queries of docs/auditor-queries/ run by DuckDB over a local audit store, the way the guide tells an
 * auditor to: {@code 00-local-view.duckdb.sql} creates the {@code audit_records} view, then each query runs in
 * its DuckDB variant ({@code NN-name.duckdb.sql}) where one exists, else as written for Athena.
 */
final class LocalQueries implements AutoCloseable {

    static final Path DIR = Path.of("docs/auditor-queries");

    private final Connection connection;

    private LocalQueries(Connection connection) {
        this.connection = connection;
    }

    /** An in-memory DuckDB whose relative paths resolve in {@code store}, with the view created. */
    static LocalQueries over(Path store) throws SQLException {
        var queries = new LocalQueries(DriverManager.getConnection("jdbc:duckdb:"));
        queries.execute("SET file_search_path = '" + store.toAbsolutePath().toString().replace("'", "''") + "'");
        queries.execute(text("00-local-view.duckdb.sql"));
        return queries;
    }

    /** The Athena query files, {@code NN-name.sql}, in order. */
    static List<Path> athenaFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d-[a-z0-9-]+\\.sql"))
                    .filter(f -> !f.getFileName().toString().startsWith("00-")).sorted().toList();
        }
    }

    /** The file the local run uses for an Athena query: its DuckDB variant if there is one. */
    static Path localFile(Path athenaFile) {
        var variant = athenaFile.resolveSibling(athenaFile.getFileName().toString().replace(".sql", ".duckdb.sql"));
        return Files.exists(variant) ? variant : athenaFile;
    }

    static String text(String file) {
        try {
            return Files.readString(DIR.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void execute(String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs the query named by its number, e.g. "03", and returns its rows as "a | b | c" (null as "null"). */
    List<String> run(String number) throws SQLException, IOException {
        var athena = athenaFiles().stream().filter(f -> f.getFileName().toString().startsWith(number + "-"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no query " + number));
        return rows(Files.readString(localFile(athena)));
    }

    List<String> rows(String sql) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            var rows = new ArrayList<String>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                var row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

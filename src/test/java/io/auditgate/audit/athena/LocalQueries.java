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
 * The auditor queries run by DuckDB over a local audit store, the way the guide tells an auditor to:
 * {@code 00-local-view.duckdb.sql} creates the {@code audit_records} view, then each query runs as its DuckDB text
 * in {@code local/NN-name.sql} (the very file the query runner runs), with the variables {@code from_day},
 * {@code to_day} and {@code tenant} set as the runner binds them.
 */
final class LocalQueries implements AutoCloseable {

    /** The Athena texts, {@code NN-name.sql}, and the local view. */
    static final Path DIR = Path.of("docs/auditor-queries");
    /** The DuckDB texts, {@code NN-name.sql}, one per Athena text. */
    static final Path LOCAL_DIR = DIR.resolve("local");

    private final Connection connection;

    private LocalQueries(Connection connection) {
        this.connection = connection;
    }

    /** An in-memory DuckDB whose relative paths resolve in {@code store}, with the view created. */
    static LocalQueries over(Path store) throws SQLException {
        var queries = new LocalQueries(DriverManager.getConnection("jdbc:duckdb:"));
        queries.execute("SET file_search_path = '" + store.toAbsolutePath().toString().replace("'", "''") + "'");
        queries.execute(text(DIR.resolve("00-local-view.duckdb.sql")));
        return queries;
    }

    /** The Athena query files, {@code NN-name.sql}, in order. */
    static List<Path> athenaFiles() throws IOException {
        return queryFiles(DIR);
    }

    /** The local DuckDB query files, {@code local/NN-name.sql}, in order. */
    static List<Path> localFiles() throws IOException {
        return queryFiles(LOCAL_DIR);
    }

    private static List<Path> queryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d-[a-z0-9-]+\\.sql"))
                    .filter(f -> !f.getFileName().toString().startsWith("00-")).sorted().toList();
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void execute(String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Sets the variables the local queries read, as the runner binds them: days (inclusive, UTC, such as
     * "2025-03-01") as DATE, the tenant as VARCHAR, {@code null} for every tenant.
     */
    void set(String fromDay, String toDay, String tenant) throws SQLException {
        bind("from_day", "DATE", fromDay);
        bind("to_day", "DATE", toDay);
        bind("tenant", "VARCHAR", tenant);
    }

    private void bind(String variable, String type, String value) throws SQLException {
        try (var statement = connection.prepareStatement("SET VARIABLE " + variable + " = CAST(? AS " + type + ")")) {
            statement.setString(1, value);
            statement.execute();
        }
    }

    /**
     * Runs the local query named by its number, e.g. "03", with the variables last {@link #set}, and returns its
     * rows as "a | b | c" (null as "null").
     */
    List<String> run(String number) throws SQLException, IOException {
        var file = localFiles().stream().filter(f -> f.getFileName().toString().startsWith(number + "-"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no query " + number));
        return rows(text(file));
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

package io.auditgate.queries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One query of {@code docs/auditor-queries/local/} (packaged as {@code io/auditgate/queries/local/}): its name (the
 * file name without number and {@code .sql}), its first comment line as a title, its SQL, the parameters it reads
 * ({@code getvariable('...')}) and those it requires (a {@code -- requires: tenant} line).
 */
record AuditorQuery(String file, String name, String title, String sql, Set<Param> reads, Set<Param> requires) {

    /** Every query, in the order of the guide. */
    static final List<String> FILES = List.of("01-tenant-requests", "02-refused-requests", "03-redactions-by-type",
            "04-requests-per-model-and-principal", "05-tokens-per-tenant-per-day", "06-latency-percentiles",
            "07-guardrail-interventions", "08-chain-continuity", "09-streamed-requests", "10-fallback-answers");
    static final String RESOURCES = "/io/auditgate/queries/";

    private static final Pattern VARIABLE = Pattern.compile("getvariable\\('([a-z_]+)'\\)");
    private static final Pattern REQUIRES = Pattern.compile("(?m)^-- requires: ([a-z ,]+)$");

    AuditorQuery {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sql, "sql");
        reads = Set.copyOf(reads);
        requires = Set.copyOf(requires);
        if (!reads.containsAll(requires)) {
            throw new IllegalArgumentException(file + " requires a parameter it never reads");
        }
    }

    static List<AuditorQuery> all() {
        return FILES.stream().map(AuditorQuery::load).toList();
    }

    /** The query named {@code name} ({@code refused-requests}) or numbered so ({@code 02}). */
    static Optional<AuditorQuery> named(String name) {
        return FILES.stream().filter(f -> f.substring(3).equals(name) || f.substring(0, 2).equals(name)).findFirst()
                .map(AuditorQuery::load);
    }

    static AuditorQuery load(String file) {
        var sql = resource("local/" + file + ".sql");
        var reads = EnumSet.noneOf(Param.class);
        var variables = VARIABLE.matcher(sql);
        while (variables.find()) {
            var variable = variables.group(1);
            reads.add(Param.ofVariable(variable)
                    .orElseThrow(() -> new IllegalStateException(file + " reads an unknown variable " + variable)));
        }
        var requires = EnumSet.noneOf(Param.class);
        var required = REQUIRES.matcher(sql);
        if (required.find()) {
            for (var option : required.group(1).split("[ ,]+")) {
                requires.add(Param.named(option).orElseThrow(() -> new IllegalStateException(file + " requires " + option)));
            }
        }
        var title = sql.lines().findFirst().orElse("").replaceFirst("^-- [a-z0-9-]+: ", "");
        return new AuditorQuery(file, file.substring(3), title, sql, reads, requires);
    }

    /** A text packaged with the runner, e.g. {@code 00-local-view.duckdb.sql}. */
    static String resource(String path) {
        try (InputStream in = AuditorQuery.class.getResourceAsStream(RESOURCES + path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

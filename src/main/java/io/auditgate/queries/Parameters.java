package io.auditgate.queries;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values a query runs with: a period of whole UTC days of receipt ({@code from} to {@code to}, both inclusive)
 * and optionally one tenant. Values are checked here, then bound as typed DuckDB variables, never spliced into SQL.
 */
record Parameters(LocalDate from, LocalDate to, Optional<String> tenant) {

    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    Parameters {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(tenant, "tenant");
        if (from.isAfter(to)) {
            throw new UsageException("from (" + from + ") is after to (" + to + ")");
        }
        if (tenant.isPresent() && !TENANT_ID.matcher(tenant.get()).matches()) {
            throw new UsageException("tenant must be a tenant id: 1 to 63 lower-case letters, digits or '-'");
        }
    }

    /**
     * From {@code --param} values: {@code to} defaults to today (UTC), {@code from} to {@code to}.
     *
     * @throws UsageException for a value that is not a date or tenant id, or a period that ends before it starts
     */
    static Parameters of(Map<Param, String> values, LocalDate today) {
        var to = Optional.ofNullable(values.get(Param.TO)).map(v -> day(Param.TO, v)).orElse(today);
        var from = Optional.ofNullable(values.get(Param.FROM)).map(v -> day(Param.FROM, v)).orElse(to);
        return new Parameters(from, to, Optional.ofNullable(values.get(Param.TENANT)));
    }

    static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static LocalDate day(Param param, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(param.option + " must be a day such as 2026-12-01");
        }
    }

    /** The value of {@code param} as DuckDB should see it ({@code null}: not set). */
    String value(Param param) {
        return switch (param) {
            case FROM -> from.toString();
            case TO -> to.toString();
            case TENANT -> tenant.orElse(null);
        };
    }

    /** The DuckDB type of {@code param}'s variable. */
    static String sqlType(Param param) {
        return param == Param.TENANT ? "VARCHAR" : "DATE";
    }
}

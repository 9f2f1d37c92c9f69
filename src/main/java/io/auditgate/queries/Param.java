package io.auditgate.queries;

import java.util.Arrays;
import java.util.Optional;

/** A parameter of the auditor queries: its command-line name and the DuckDB variable the SQL reads it from. */
enum Param {
    /** First UTC day of receipt, inclusive: {@code from=2026-12-01}. */
    FROM("from", "from_day"),
    /** Last UTC day of receipt, inclusive: {@code to=2026-12-07}. */
    TO("to", "to_day"),
    /** A tenant id of the policy: {@code tenant=demo}. */
    TENANT("tenant", "tenant");

    final String option;
    final String variable;

    Param(String option, String variable) {
        this.option = option;
        this.variable = variable;
    }

    static Optional<Param> named(String option) {
        return Arrays.stream(values()).filter(p -> p.option.equals(option)).findFirst();
    }

    static Optional<Param> ofVariable(String variable) {
        return Arrays.stream(values()).filter(p -> p.variable.equals(variable)).findFirst();
    }
}

package io.auditgate.problem;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Describes a throwable for operators without its messages, which may quote request content. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable e) {
        var chain = new StringBuilder();
        for (Throwable t = e; t != null && chain.length() < 4000; t = t.getCause()) {
            chain.append(t.getClass().getName()).append(" at ")
                    .append(Arrays.stream(t.getStackTrace()).limit(8).map(StackTraceElement::toString)
                            .collect(Collectors.joining(" < ")))
                    .append(t.getCause() != null ? " | caused by " : "");
        }
        return chain.toString();
    }
}

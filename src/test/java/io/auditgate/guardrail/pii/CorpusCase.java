package io.auditgate.guardrail.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One labelled corpus entry: a text and the PII spans it must yield (UTF-16 offsets into {@code text}).
 */
record CorpusCase(String id, String domain, String text, List<Span> spans) {

    CorpusCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        spans = List.copyOf(spans);
        for (Span span : spans) {
            if (span.end() > text.length()) {
                throw new IllegalArgumentException(id + ": span beyond text");
            }
        }
    }

    record Span(PiiType type, int start, int end) {
    }

    /** Builds a case by appending plain text and labelled values, so offsets cannot drift. */
    static final class Builder {
        private final String id;
        private final String domain;
        private final StringBuilder text = new StringBuilder();
        private final List<Span> spans = new ArrayList<>();

        Builder(String id, String domain) {
            this.id = id;
            this.domain = domain;
        }

        Builder t(String plain) {
            text.append(plain);
            return this;
        }

        Builder p(PiiType type, String value) {
            spans.add(new Span(type, text.length(), text.length() + value.length()));
            text.append(value);
            return this;
        }

        CorpusCase build() {
            return new CorpusCase(id, domain, text.toString(), spans);
        }
    }
}

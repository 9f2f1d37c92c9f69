package io.auditgate.audit.athena;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a HiveQL DDL statement: words, backtick-quoted identifiers, single-quoted strings and single
 * punctuation characters. Whitespace, {@code --} line comments and block comments are dropped. Anything it
 * cannot read (an unterminated string, a stray character) fails with {@link IllegalArgumentException}.
 */
final class DdlTokens {

    enum Kind { WORD, QUOTED_NAME, STRING, SYMBOL }

    record Token(Kind kind, String text, int offset) {

        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }

        /** A column or field name, backticks removed; Hive names are case-insensitive, so lower case. */
        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
        }
    }

    private final List<Token> tokens;
    private int next;

    private DdlTokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    static DdlTokens of(String text) {
        var out = new ArrayList<Token>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated comment at " + i);
                }
                i = end + 2;
            } else if (c == '`') {
                int end = text.indexOf('`', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated `name` at " + i);
                }
                out.add(new Token(Kind.QUOTED_NAME, text.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '\'') {
                i = string(text, i, out);
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token(Kind.WORD, text.substring(start, i), start));
            } else if ("(),<>:=;".indexOf(c) >= 0) {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
            }
        }
        return new DdlTokens(out);
    }

    /** A '...' string; a quote inside is doubled ('') or escaped (\'). */
    private static int string(String text, int start, List<Token> out) {
        var value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                value.append('\'');
                i += 2;
            } else if (c == '\'') {
                out.add(new Token(Kind.STRING, value.toString(), start));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated string at " + start);
    }

    boolean atEnd() {
        return next >= tokens.size();
    }

    Token peek() {
        if (atEnd()) {
            throw new IllegalArgumentException("unexpected end of DDL");
        }
        return tokens.get(next);
    }

    Token take() {
        var token = peek();
        next++;
        return token;
    }

    /** Consumes the word or symbol if it comes next. */
    boolean accept(String word) {
        if (!atEnd() && peek().is(word)) {
            next++;
            return true;
        }
        return false;
    }

    void expect(String word) {
        var token = take();
        if (!token.is(word)) {
            throw new IllegalArgumentException("expected '" + word + "' at " + token.offset() + " but got '"
                    + token.text() + "'");
        }
    }

    String name() {
        var token = take();
        if (!token.isName()) {
            throw new IllegalArgumentException("expected a name at " + token.offset() + " but got '" + token.text() + "'");
        }
        return token.text().toLowerCase(java.util.Locale.ROOT);
    }

    String string() {
        var token = take();
        if (token.kind() != Kind.STRING) {
            throw new IllegalArgumentException("expected a 'string' at " + token.offset());
        }
        return token.text();
    }
}

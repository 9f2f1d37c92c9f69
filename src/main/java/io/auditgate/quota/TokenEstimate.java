package io.auditgate.quota;

/**
 * The estimated tokens of a text handed over in pieces, counted exactly as if the pieces were one text (UTF-8 bytes /
 * 3, rounded up) but without copying them into one: a request's pieces can reach hundreds of kilobytes, and thousands
 * are in flight. Bytes are summed piece by piece and divided once, and a surrogate pair split across two pieces still
 * counts 4 bytes, so the result never depends on where the text was cut. One per request; not thread-safe.
 */
public final class TokenEstimate {

    private long bytes;
    /** The last non-empty piece ended in a high surrogate, counted so far as a lone one (3 bytes). */
    private boolean endsInHighSurrogate;

    /** Counts {@code text} as if appended to the pieces before it. */
    public TokenEstimate add(CharSequence text) {
        int length = text.length();
        if (length == 0) {
            return this;
        }
        int i = 0;
        if (endsInHighSurrogate && Character.isLowSurrogate(text.charAt(0))) {
            bytes += 1;
            i = 1;
        }
        endsInHighSurrogate = false;
        for (; i < length; i++) {
            var c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
                endsInHighSurrogate = i + 1 == length && Character.isHighSurrogate(c);
            }
        }
        return this;
    }

    /** The UTF-8 bytes counted so far (a lone surrogate counts 3, as its own encoding would). */
    public long bytes() {
        return bytes;
    }

    /** The estimated tokens of all pieces counted so far: their UTF-8 bytes / 3, rounded up. */
    public long tokens() {
        return (bytes + 2) / 3;
    }
}

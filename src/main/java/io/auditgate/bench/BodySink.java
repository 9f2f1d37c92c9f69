package io.auditgate.bench;

/**
 * Takes a streamed response body as it arrives from the socket, de-chunked. The bytes may be cut anywhere (inside an
 * event, a line or a UTF-8 character), so a sink keeps what it has not finished reading until the next call.
 */
@FunctionalInterface
interface BodySink {

    /** {@code bytes[offset, offset + length)}: the next bytes of the body, valid only during this call. */
    void accept(byte[] bytes, int offset, int length);
}

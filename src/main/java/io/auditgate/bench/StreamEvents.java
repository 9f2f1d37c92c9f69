package io.auditgate.bench;

/**
 * What a stream parser recognised in a streamed answer, whatever its wire format: a text delta, the stream's proper
 * end, or an error the stream itself reported. Called on the reading thread, in arrival order.
 */
interface StreamEvents {

    /** A delta that carries text (empty deltas, heartbeats and tool fragments are not reported). */
    void delta();

    /** The event that closes a complete answer. */
    void end();

    /** An error reported inside the stream (an {@code error} event, an exception message). */
    void error();
}

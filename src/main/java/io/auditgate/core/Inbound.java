package io.auditgate.core;

import io.auditgate.auth.Credential;
import io.auditgate.conversation.ChatRequest;

/**
 * What an endpoint adapter gives the core for one request, step by step, each step throwing the endpoint's
 * {@link io.auditgate.problem.GatewayException} when the request is refused. The core asks in this order and stops
 * at the first refusal, so an endpoint never reads a body before its caller is authenticated.
 */
public interface Inbound {

    /**
     * The credential the request presents, once the endpoint's own checks that come before authentication passed
     * (route, method, acceptable media type: 404, 405, 406).
     */
    Credential credential();

    /** The body read and parsed into the neutral request (415, 413, 400); asked only of an authenticated request. */
    ChatRequest request();

    /**
     * Where a streamed answer goes, asked once the request is screened, begun and wants a stream ({@link
     * ChatRequest#stream()}); an endpoint that cannot stream refuses with its 406.
     */
    AnswerEvents events();
}

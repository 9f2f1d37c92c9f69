/**
 * The one error model of the gateway: every failure becomes an RFC 9457 {@code application/problem+json}
 * document with a stable {@code type} URI from {@link io.auditgate.problem.ProblemType} and the request id.
 * Details never carry upstream messages, prompt text or stack traces; an unexpected exception is a bug,
 * rendered as a generic 500 problem and logged for operators.
 */
package io.auditgate.problem;

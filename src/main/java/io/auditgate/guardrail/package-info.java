/**
 * Screening of text in both directions. Only this package can make a {@link io.auditgate.guardrail.ScreenedPrompt}
 * or a {@link io.auditgate.guardrail.ScreenedAnswer}, so the compiler guarantees that unscreened text never
 * reaches Bedrock, a log line or an audit record.
 */
package io.auditgate.guardrail;

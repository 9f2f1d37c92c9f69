/**
 * Heuristic screening of prompts for prompt-injection and jailbreak attempts, before they reach Bedrock.
 * {@link io.auditgate.guardrail.injection.InjectionDetector} normalises the text, runs a fixed list of
 * technique checks and returns an {@link io.auditgate.guardrail.injection.InjectionAssessment} whose signals
 * name techniques and weights only, never user text, so they are safe to log and audit.
 * It is a screening layer with known evasions (see docs/prompt-injection.md), not a guarantee.
 */
package io.auditgate.guardrail.injection;

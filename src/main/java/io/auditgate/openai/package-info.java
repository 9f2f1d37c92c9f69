/**
 * The OpenAI-compatible API under {@code /v1}: {@code POST /v1/chat/completions} (streamed and not) and
 * {@code GET /v1/models}, so that an OpenAI client works against the gateway by changing its base URL and key. It maps
 * OpenAI's shapes to the neutral request and back and takes the same request path as {@code /invoke}, so a request
 * gets the same screening and the same audit record; nothing else depends on it. Images are pending.
 */
package io.auditgate.openai;

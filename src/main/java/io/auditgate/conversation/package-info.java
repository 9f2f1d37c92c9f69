/**
 * The conversation as every feature sees it, independent of any endpoint's wire format: the request (messages,
 * roles, inference parameters, metadata) and the model's completion with its token usage. It depends on nothing
 * else of the gateway; {@code invoke} parses into it, {@code guardrail} screens it and {@code bedrock} sends and
 * returns it, so none of them needs another's HTTP types.
 */
package io.auditgate.conversation;

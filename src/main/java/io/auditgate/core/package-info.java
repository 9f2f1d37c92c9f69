/**
 * The request path that every endpoint shares ({@link io.auditgate.core.Gateway}): it takes a neutral
 * {@link io.auditgate.conversation.ChatRequest} through an endpoint's {@link io.auditgate.core.Inbound} and gives back
 * a {@link io.auditgate.core.Reply}; {@code /invoke}'s JSON (package {@code invoke}) is one adapter on each side.
 */
package io.auditgate.core;

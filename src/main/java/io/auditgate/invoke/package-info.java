/**
 * {@code POST /invoke}: reads and validates the client's JSON strictly (size, media type, UTF-8, schema),
 * then runs the one pipeline that screens, calls the model and answers. Every refusal is a problem with a
 * stable type; nothing the client sends can produce a 500.
 */
package io.auditgate.invoke;
